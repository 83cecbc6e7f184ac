// The template picker of the task forms (forms/_task.html, fragment templatePicker): asks the server for
// the chosen template filled for this task's complaint and puts it into the textarea the select's
// data-target names (the reply text, or the questions for the customer). A template that cannot be
// filled completely is not inserted; the server's reason is shown instead.
(function () {
  'use strict';

  function reasonOf(problem, fallback) {
    if (problem && problem.errors && problem.errors.length) {
      return problem.errors.map(function (e) { return e.message; }).join(' ');
    }
    return (problem && problem.detail) || fallback;
  }

  function wire(container) {
    var picker = container.querySelector('select[data-fill-url]');
    var button = container.querySelector('button');
    var message = container.querySelector('[role="alert"]');
    var target = picker && document.getElementById(picker.dataset.target);
    var amount = picker && picker.dataset.amountSource ? document.getElementById(picker.dataset.amountSource) : null;
    if (!picker || !button || !message || !target) {
      return;
    }

    function show(text) {
      message.textContent = text;
      message.hidden = !text;
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
              target.value = body.text;
              target.dispatchEvent(new Event('input', { bubbles: true }));
              target.focus();
            } else {
              show(reasonOf(body, picker.dataset.failed));
            }
          });
        })
        .catch(function () { show(picker.dataset.failed); })
        .then(function () { button.disabled = false; });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.template-picker'), wire);
})();
