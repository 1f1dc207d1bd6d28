// The console's only script (the CSP allows no inline one): live training progress and the
// chat pane. Everything from the server is set as text, never as HTML.
(function () {
  const training = document.getElementById("trenink");
  if (training && training.dataset.finished === "ne") {
    const timer = setInterval(async function () {
      const answer = await fetch("/api/trenink", { credentials: "same-origin" });
      if (!answer.ok) return;
      const job = await answer.json();
      document.getElementById("stav").textContent = job.state;
      document.getElementById("procenta").textContent = job.percent;
      document.getElementById("sekundy").textContent = job.seconds;
      document.getElementById("vystup").textContent = job.lines.join("\n");
      if (job.finished) {
        clearInterval(timer);
        window.location.reload();
      }
    }, 2000);
  }

  const chat = document.getElementById("chat");
  if (!chat) return;
  const conversation = Math.random().toString(36).slice(2, 10);
  const list = document.getElementById("zpravy");
  function show(who, text) {
    const line = document.createElement("p");
    line.className = who;
    line.textContent = (who === "zakaznik" ? "Vy: " : "Bot: ") + text;
    list.appendChild(line);
  }
  document.getElementById("chat-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const input = document.getElementById("chat-text");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    show("zakaznik", text);
    const answer = await fetch("/api/chat", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": chat.dataset.csrf },
      body: JSON.stringify({ message: text, conversation: conversation }),
    });
    const replies = await answer.json();
    if (!answer.ok) { show("bot", replies.error || "Chyba"); return; }
    replies.forEach(function (reply) {
      show("bot", reply.text + (reply.buttons.length ? " [" + reply.buttons.map(function (b) { return b.title; }).join(" | ") + "]" : ""));
    });
  });
})();
