import json

import pytest

from rag import cli
from rag.pipeline import Pipeline

from .fakes import HashEmbedder, ScriptedGenerator


@pytest.fixture
def fake_pipeline(monkeypatch):
    """The CLI with fake backends, so it runs without models."""
    generator = ScriptedGenerator("The company employed 312 people [1].")

    def make(args):
        return Pipeline(cli.settings_for(args.corpus, args.index), embedder=HashEmbedder(), generator=generator)

    monkeypatch.setattr(cli, "_pipeline", make)
    return generator


@pytest.mark.parametrize("command", ["index", "ask", "eval", "serve", "prepare"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    assert "--corpus" in capsys.readouterr().out


def test_index_then_ask_as_json(fake_pipeline, corpus, tmp_path, capsys):
    index = tmp_path / "idx"
    assert cli.main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    assert "4 chunks" in capsys.readouterr().out
    assert (
        cli.main(
            [
                "ask",
                "How many people did it employ?",
                "--json",
                "--corpus",
                str(corpus),
                "--index",
                str(index),
            ]
        )
        == 0
    )
    answer = json.loads(capsys.readouterr().out)
    assert answer["refused"] is False and answer["citations"][0]["chunk_id"] == "northwind#s2.p1"


def test_another_corpus_gets_its_own_index(monkeypatch, corpus, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    settings = cli.settings_for(corpus, None)
    assert settings.index_dir.parent == tmp_path / "xdg" / "rag" / "indexes"
    assert settings.index_dir != cli.settings_for(tmp_path, None).index_dir


def test_eval_writes_the_report(fake_pipeline, corpus, tmp_path, capsys):
    dataset = tmp_path / "qa.jsonl"
    dataset.write_text(
        '{"id": "a", "category": "count", "question": "How many people did it employ?", "answers": ["312"]}\n'
        '{"id": "b", "category": "unanswerable", "question": "How many people in 2019?", "answers": []}\n'
    )
    report = tmp_path / "out" / "r.json"
    code = cli.main(
        [
            "eval",
            "--dataset",
            str(dataset),
            "--corpus",
            str(corpus),
            "--index",
            str(tmp_path / "i"),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    assert json.loads(report.read_text())["summary"]["accuracy"] == 1.0
    assert report.with_suffix(".md").exists() and report.with_suffix(".png").exists()


def test_errors_are_one_clear_line(fake_pipeline, corpus, tmp_path, capsys):
    code = cli.main(["ask", "   ", "--corpus", str(corpus), "--index", str(tmp_path / "i")])
    assert code == 2
    assert capsys.readouterr().err.strip() == "error: Please type a question."
    code = cli.main(["eval", "--dataset", str(tmp_path / "missing.jsonl"), "--corpus", str(corpus)])
    assert code == 2 and "missing.jsonl" in capsys.readouterr().err
