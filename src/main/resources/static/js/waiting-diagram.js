// Draws the diagram with bpmn-js and puts each step's figures from the table #waits on it as an overlay.
(function () {
  var container = document.getElementById('diagram');
  var table = document.getElementById('waits');
  if (!container || !table || typeof BpmnJS === 'undefined') {
    return;
  }

  function cellText(row, selector) {
    var cell = row.querySelector(selector);
    return cell ? cell.textContent.trim() : '';
  }

  function badge(row) {
    var box = document.createElement('div');
    box.className = 'wait-badge heat-' + row.dataset.heat;
    box.dataset.activity = row.dataset.activity;
    var count = document.createElement('span');
    count.className = 'wait-badge-count';
    count.textContent = cellText(row, '.wait-count');
    var times = document.createElement('span');
    times.className = 'wait-badge-times';
    times.textContent = cellText(row, '.median') + ' · ' + cellText(row, '.p90');
    box.appendChild(count);
    box.appendChild(times);
    box.title = table.dataset.labelWaiting + ': ' + count.textContent + '\n'
      + table.dataset.labelMedian + ': ' + cellText(row, '.median') + '\n'
      + table.dataset.labelP90 + ': ' + cellText(row, '.p90');
    return box;
  }

  function showFailure() {
    container.dataset.state = 'failed';
    var message = document.createElement('p');
    message.className = 'text-danger p-3';
    message.textContent = container.dataset.failed;
    container.appendChild(message);
  }

  var viewer = new BpmnJS({ container: container });
  fetch(container.dataset.diagramUrl, { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('diagram ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      viewer.get('canvas').zoom('fit-viewport');
      var overlays = viewer.get('overlays');
      var elements = viewer.get('elementRegistry');
      table.querySelectorAll('tbody tr[data-activity]').forEach(function (row) {
        if (elements.get(row.dataset.activity)) {
          overlays.add(row.dataset.activity, 'waits', { position: { top: -14, right: 14 }, html: badge(row) });
        }
      });
      container.dataset.state = 'ready';
    })
    .catch(showFailure);
})();
