// Draws the dashboard's charts from the JSON the server put in #chart-data (no inline script).
(function () {
  var source = document.getElementById('chart-data');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  function bar(id, values, label) {
    var canvas = document.getElementById(id);
    if (!canvas || !values) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: Object.keys(values), datasets: [{ label: label, data: Object.values(values) }] },
      options: { responsive: true, plugins: { legend: { display: false } } }
    });
  }
  bar('chart-channel', data.byChannel, 'channel');
  bar('chart-category', data.byCategory, 'category');
  bar('chart-week', data.byWeek, 'week');
  bar('chart-deadlines', data.deadlineMetShare, '%');
  bar('chart-csat', data.csatDistribution, 'ratings');
})();
