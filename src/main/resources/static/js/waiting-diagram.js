// Draws the diagram with bpmn-js and puts each step's figures from the table #waits on it: an overlay with
// the numbers, and the step's shape coloured by its heat.
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

  function describe(row) {
    return table.dataset.labelWaiting + ': ' + cellText(row, '.wait-count') + '\n'
      + table.dataset.labelMedian + ': ' + cellText(row, '.median') + '\n'
      + table.dataset.labelP90 + ': ' + cellText(row, '.p90');
  }

  // The number waiting, readable at any zoom.
  function countBadge(row) {
    var badge = document.createElement('div');
    badge.className = 'wait-badge heat-' + row.dataset.heat;
    badge.dataset.activity = row.dataset.activity;
    badge.textContent = cellText(row, '.wait-count');
    badge.title = describe(row);
    return badge;
  }

  // Median · 90th percentile, under the shape, once zoomed in far enough to leave room for it.
  function timesBadge(row) {
    var times = document.createElement('div');
    times.className = 'wait-times';
    times.dataset.activity = row.dataset.activity;
    times.textContent = cellText(row, '.median') + ' · ' + cellText(row, '.p90');
    times.title = describe(row);
    return times;
  }

  function showFailure() {
    container.dataset.state = 'failed';
    var message = document.createElement('p');
    message.className = 'text-danger p-3';
    message.textContent = container.dataset.failed;
    container.appendChild(message);
  }

  // The whole diagram in view: as tall as its proportions need, within reason.
  function fit(canvas) {
    var inner = canvas.viewbox().inner;
    var wanted = container.clientWidth * inner.height / Math.max(inner.width, 1) + 60;
    var height = Math.min(Math.max(wanted, 320), window.innerHeight * 0.75);
    container.style.height = Math.round(height) + 'px';
    canvas.resized();
    canvas.zoom('fit-viewport');
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
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var elements = viewer.get('elementRegistry');
      table.querySelectorAll('tbody tr[data-activity]').forEach(function (row) {
        var id = row.dataset.activity;
        if (!elements.get(id)) {
          return;
        }
        if (row.dataset.heat !== '0') {
          canvas.addMarker(id, 'heat-' + row.dataset.heat);
        }
        overlays.add(id, 'waits', { position: { top: -12, right: 12 }, scale: false, html: countBadge(row) });
        overlays.add(id, 'wait-times', { position: { bottom: -4, left: 0 }, scale: false,
          show: { minZoom: 0.8 }, html: timesBadge(row) });
      });
      fit(canvas);
      container.dataset.state = 'ready';
    })
    .catch(showFailure);
})();
