import numpy as np
import pytest

from rag.bm25 import BM25
from rag.index import build_index
from rag.retrieve import _minmax, retrieve
from rag.text import count_tokens, terms


def test_bm25_prefers_documents_with_rarer_matching_terms():
    docs = [terms("tea sales rose"), terms("coffee sales fell"), terms("staff numbers")]
    bm25 = BM25(docs, 1.2, 0.75)
    scores = bm25.scores(terms("coffee sales"))
    assert scores.argmax() == 1 and scores[2] == 0
    assert bm25.idf("coffe") > bm25.idf("sale") > 0
    assert bm25.idf("unknown") == 0


def test_bm25_matches_figures_as_whole_tokens():
    docs = [terms("revenue rose 4.7% to 1,397.78"), terms("revenue rose 14.7% to 397.78")]
    assert BM25(docs, 1.2, 0.75).scores(terms("4.7% 1397.78")).argmax() == 0


def test_bm25_weighs_each_term_when_given_weights():
    docs = [terms("tea sales rose"), terms("coffee turnover fell")]
    bm25 = BM25(docs, 1.2, 0.75)
    assert bm25.scores({"tea": 1.0, "coffe": 0.5}).argmax() == 0
    assert bm25.scores({"tea": 0.2, "coffe": 1.0}).argmax() == 1
    assert np.allclose(bm25.scores({"tea": 1.0}), bm25.scores(["tea"]))


def test_minmax_scaling_handles_flat_scores():
    assert np.allclose(_minmax(np.array([1.0, 3.0, 2.0])), [0.0, 1.0, 0.5])
    assert np.allclose(_minmax(np.array([0.0, 0.0])), [0.0, 0.0])


def test_fusion_weights_decide_between_lexical_and_dense(settings, embedder):
    index = build_index(settings, embedder)
    lexical = settings.replace(bm25_weight=1.0, dense_weight=0.0)
    result = retrieve(index, embedder, "How many people did the company employ?", lexical)
    assert result.passages[0].chunk.section == "II. People"
    assert result.ranked_ids[0] == result.passages[0].chunk.id
    assert len(result.ranked_ids) == len(index.chunks)


def test_passages_are_numbered_and_keep_only_their_best_sentences(settings, embedder):
    index = build_index(settings, embedder)
    tight = settings.replace(context_tokens=5, top_k=2, min_relative_score=0.0)
    result = retrieve(index, embedder, "Who is the chief executive?", tight)
    assert [p.n for p in result.passages] == [1, 2]
    top = result.passages[0]
    assert top.sentences == ("The chief executive is Amina Otieno.",)
    assert all(len(p.sentences) >= 1 for p in result.passages)


def test_reordered_passages_are_renumbered_last_first(settings, embedder):
    index = build_index(settings, embedder)
    result = retrieve(index, embedder, "How many people did the company employ?", settings)
    again = result.reordered()
    assert [p.n for p in again.passages] == [p.n for p in result.passages]
    assert [p.chunk.id for p in again.passages] == [p.chunk.id for p in reversed(result.passages)]
    assert again.ranked_ids == result.ranked_ids


def test_weak_passages_below_the_relative_floor_are_dropped(settings, embedder):
    index = build_index(settings, embedder)
    result = retrieve(index, embedder, "chief executive Amina Otieno", settings.replace(min_relative_score=0.99))
    assert len(result.passages) == 1


def test_empty_index_retrieves_nothing(settings, embedder, corpus):
    (corpus / "northwind.md").unlink()
    index = build_index(settings, embedder)
    assert retrieve(index, embedder, "anything", settings).passages == []


@pytest.mark.parametrize(
    ("sentences", "question", "room"),
    [
        # Room for two: the sentence that says what the bond raised must be one, though alone
        # it shares less wording with the question than the other two.
        (
            [
                "Northwind Foods launched the first green bond for tea growers.",
                "This bond secured USD 3.1 million for new drying plants in the hills.",
                "Tea growers raised money too.",
            ],
            "How much money did the green bond for tea growers raise?",
            2,
        ),
        # Room for one: the sentence that says which sources comes along anyway.
        (
            [
                "Raw water for the tea estates came from three sources.",
                "Lake Orrin supplied 58%, the Brannock wells 31% and bulk purchases the rest.",
                "Water use for tea growing fell in the dry season.",
            ],
            "What were the three sources of raw water for the tea estates?",
            1,
        ),
    ],
)
def test_a_sentence_is_picked_with_the_one_it_needs(settings, embedder, corpus, sentences, question, room):
    (corpus / "extra.md").write_text(f"# Notes\n\n## Tea\n\n{' '.join(sentences)}\n", encoding="utf-8")
    index = build_index(settings, embedder)
    budget = settings.replace(context_tokens=sum(count_tokens(x) for x in sentences[:room]), top_k=1)
    result = retrieve(index, embedder, question, budget)
    assert set(sentences[:2]) <= set(result.passages[0].sentences)


def test_a_sentence_giving_the_kind_of_answer_asked_for_is_preferred(settings, embedder, corpus):
    talent = "A pool of 2,300 staff works on research at the campus."
    share = "Spending on product design came to 12.2% of sales."
    (corpus / "extra.md").write_text(f"# Notes\n\n## Labs\n\n{talent} {share}\n", encoding="utf-8")
    index = build_index(settings, embedder)
    question = "What slice of sales went into research?"
    one = settings.replace(context_tokens=count_tokens(share), top_k=1)
    assert retrieve(index, embedder, question, one).passages[0].sentences == (share,)
    # Without the bonus, the wording shared with the question wins.
    plain = one.replace(answer_kind_bonus=0.0)
    assert retrieve(index, embedder, question, plain).passages[0].sentences == (talent,)


def test_a_question_in_other_words_finds_the_documents_words(settings, embedder, corpus):
    (corpus / "extra.md").write_text(
        "# Notes\n\n## Trade\n\nOverseas revenues of the tea estates reached USD 4 million.\n\n"
        "## Visits\n\nVisitors came from abroad to the tea estates.\n",
        encoding="utf-8",
    )
    index = build_index(settings, embedder)
    lexical = settings.replace(bm25_weight=1.0, dense_weight=0.0)
    question = "How much did the tea estates sell abroad?"
    assert retrieve(index, embedder, question, lexical).passages[0].chunk.section == "Visits"
    question = "What were the tea estates' foreign sales?"
    assert retrieve(index, embedder, question, lexical).passages[0].chunk.section == "Trade"
    unexpanded = lexical.replace(synonym_weight=0.0)
    assert retrieve(index, embedder, question, unexpanded).passages[0].chunk.section != "Trade"


def test_a_list_announced_by_a_colon_is_shown_whole_and_line_by_line(settings, embedder, corpus):
    items = ["Harbor Street: $18.5 million", "Citywide Pavement: $16.2 million", "Fire Station: $12.7 million"]
    lead = "The capital program funds these projects:"
    (corpus / "extra.md").write_text(
        "# Notes\n\n## Capital\n\nThe program is the first of five years. " + lead + "\n" + "\n".join(items) + "\n",
        encoding="utf-8",
    )
    index = build_index(settings, embedder)
    # Room for the list alone: it comes whole, with the line saying what it lists, though
    # the sentence before shares more words with the question than some of its items.
    room = settings.replace(context_tokens=sum(count_tokens(x) for x in [lead, *items]), top_k=1)
    question = "Which of the five years' projects gets the second largest amount, Citywide Pavement?"
    passage = retrieve(index, embedder, question, room).passages[0]
    assert passage.sentences[-4:] == (lead, *items)
    assert passage.shown_text.endswith(f"{lead}\n" + "\n".join(items))
