/*
 * Document Q&A widget. Add to any page:
 *   <script src="http://HOST:PORT/widget.js" data-title="Ask our reports"></script>
 * A floating button opens a small chat that streams answers from HOST:PORT with
 * citation badges that expand to the quoted passage. Everything lives in a
 * Shadow DOM: the page's CSS cannot reach in, and the widget's styles cannot leak out.
 * Text from the server is only ever inserted as text, never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__ragWidgetLoaded) return;
  window.__ragWidgetLoaded = true;
  var base = new URL(script.src, document.baseURI).origin;
  var title = script.getAttribute("data-title") || "Ask the documents";
  var maxChars = 2000;

  var host = document.createElement("div");
  host.setAttribute("data-rag-widget", "");
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}" +
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
    ".btn{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:none;" +
    "display:flex;align-items:center;justify-content:center;background:#2f5f98;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483646}" +
    ".panel{position:fixed;right:20px;bottom:88px;width:min(380px,calc(100vw - 40px));height:min(520px,calc(100vh - 120px));" +
    "display:none;flex-direction:column;background:#fff;color:#1d2330;border-radius:12px;" +
    "box-shadow:0 8px 30px rgba(0,0,0,.28);overflow:hidden;z-index:2147483647;font-size:14px;line-height:1.45}" +
    ".panel.open{display:flex}" +
    ".head{background:#2f5f98;color:#fff;padding:10px 14px;font-weight:600;display:flex;justify-content:space-between;align-items:center}" +
    ".head button{background:none;border:none;color:#fff;font-size:20px;cursor:pointer}" +
    ".log{flex:1;overflow-y:auto;padding:12px;background:#f6f7f9}" +
    ".msg{margin:0 0 10px;padding:8px 10px;border-radius:10px;max-width:90%;white-space:pre-wrap;word-wrap:break-word}" +
    ".user{background:#2f5f98;color:#fff;margin-left:auto}" +
    ".bot{background:#fff;border:1px solid #dde1e8}" +
    ".bot.declined{border-left:4px solid #6b8fbf;color:#39465a;font-style:italic}" +
    ".bot.error{border-left:4px solid #c0504d}" +
    ".thinking{color:#6a7384;font-style:italic}" +
    ".badge{display:inline-block;margin:0 2px;padding:0 6px;border-radius:9px;background:#e3ebf6;color:#2f5f98;" +
    "font-size:12px;font-weight:600;cursor:pointer;border:none}" +
    ".quote{display:block;margin:6px 0 2px;padding:6px 8px;border-left:3px solid #2f5f98;background:#f0f4fa;font-size:12.5px;font-style:normal}" +
    ".quote small{display:block;color:#5b6575;margin-top:3px}" +
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid #dde1e8;background:#fff}" +
    "input{flex:1;padding:8px 10px;border:1px solid #c5ccd8;border-radius:8px;font-size:14px}" +
    "form button{padding:8px 12px;border:none;border-radius:8px;background:#2f5f98;color:#fff;cursor:pointer}" +
    "form button:disabled{opacity:.5;cursor:default}" +
    "</style>" +
    '<button class="btn" part="button" aria-label="Open chat"><svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg></button>' +
    '<div class="panel" role="dialog"><div class="head"><span class="title"></span>' +
    '<button class="close" aria-label="Close">×</button></div>' +
    '<div class="log" aria-live="polite"></div>' +
    '<form><input type="text" placeholder="Ask a question…" maxlength="' + maxChars + '" />' +
    '<button type="submit">Ask</button></form></div>';

  var panel = root.querySelector(".panel");
  var log = root.querySelector(".log");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var send = root.querySelector("form button");
  root.querySelector(".title").textContent = title;
  root.querySelector(".btn").addEventListener("click", function () {
    panel.classList.toggle("open");
    if (panel.classList.contains("open")) input.focus();
  });
  root.querySelector(".close").addEventListener("click", function () {
    panel.classList.remove("open");
  });

  var history = [];

  function bubble(cls, text) {
    var div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  // The answer text with each [n] turned into a badge that expands to its quote.
  function renderAnswer(div, data) {
    div.textContent = "";
    div.className = "msg bot" + (data.refused ? " declined" : "");
    var quotes = {};
    (data.citations || []).forEach(function (c) { quotes[c.n] = c; });
    var parts = String(data.answer).split(/(\[\d{1,3}\])/);
    parts.forEach(function (part) {
      var m = /^\[(\d{1,3})\]$/.exec(part);
      if (!m || !quotes[m[1]]) {
        div.appendChild(document.createTextNode(part));
        return;
      }
      var c = quotes[m[1]];
      var badge = document.createElement("button");
      badge.className = "badge";
      badge.type = "button";
      badge.textContent = m[1];
      badge.title = c.section || c.document;
      var quote = null;
      badge.addEventListener("click", function () {
        if (quote) { quote.remove(); quote = null; return; }
        quote = document.createElement("span");
        quote.className = "quote";
        quote.textContent = "“" + c.quote + "”";
        var where = document.createElement("small");
        where.textContent = [c.document, c.section].filter(Boolean).join(" — ");
        quote.appendChild(where);
        div.appendChild(quote);
      });
      div.appendChild(badge);
    });
    log.scrollTop = log.scrollHeight;
  }

  function fail(div, message) {
    div.className = "msg bot error";
    div.textContent = message;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question) return;
    input.value = "";
    send.disabled = true;
    bubble("user", question);
    var div = bubble("bot thinking", "Searching the documents…");
    var draft = "";
    fetch(base + "/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: question, history: history.slice(-4) }),
    })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) { fail(div, body.error || "Something went wrong."); },
                                       function () { fail(div, "The server answered " + response.status + "."); });
        }
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function handle(block) {
          var event = "message", data = "";
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event:") === 0) event = line.slice(6).trim();
            else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
          });
          if (!data) return;
          var payload = JSON.parse(data);
          if (event === "token") {
            draft += payload.text;
            div.className = "msg bot";
            div.textContent = draft;
          } else if (event === "answer") {
            renderAnswer(div, payload);
            history.push(payload.standalone_question || question);
          } else if (event === "error") {
            fail(div, payload.error);
          }
          log.scrollTop = log.scrollHeight;
        }
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var blocks = buffer.split("\n\n");
            buffer = blocks.pop();
            blocks.forEach(handle);
            return pump();
          });
        }
        return pump();
      })
      .catch(function () { fail(div, "Could not reach the server."); })
      .then(function () { send.disabled = false; input.focus(); });
  });

  document.body.appendChild(host);
})();
