// The reply-template picker of the proposal forms (forms/_task.html): asks the server for the chosen
// template filled for this task's complaint and puts it into the reply text. A template that cannot be
// filled completely is not inserted; the server's reason is shown instead.
(function () {
  'use strict';
  var picker = document.getElementById('reply-template');
  var button = document.getElementById('use-template');
  var reply = document.getElementById('replyText');
  var amount = document.getElementById('amount');
  var message = document.getElementById('template-message');
  if (!picker || !button || !reply || !message) {
    return;
  }

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function reasonOf(problem) {
    if (problem && problem.errors && problem.errors.length) {
      return problem.errors.map(function (e) { return e.message; }).join(' ');
    }
    return (problem && problem.detail) || picker.dataset.failed;
  }

  button.addEventListener('click', function () {
    show('');
    if (!picker.value) {
      return;
    }
    var url = picker.dataset.fillUrl + encodeURIComponent(picker.value);
    if (amount && amount.value.trim()) {
      url += '?amount=' + encodeURIComponent(amount.value.trim());
    }
    button.disabled = true;
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (response.ok && body && typeof body.text === 'string') {
            reply.value = body.text;
            reply.dispatchEvent(new Event('input', { bubbles: true }));
            reply.focus();
          } else {
            show(reasonOf(body));
          }
        });
      })
      .catch(function () { show(picker.dataset.failed); })
      .then(function () { button.disabled = false; });
  });
})();
