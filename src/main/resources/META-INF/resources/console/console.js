// Kupon console: small progressive enhancements. Every page reads without this file.
(function () {
  'use strict';

  // Show only the reward inputs of the chosen type.
  function showRewardGroups(form) {
    var type = form.querySelector('[name="reward.type"]');
    if (!type) return;
    form.querySelectorAll('[data-group]').forEach(function (field) {
      field.hidden = field.getAttribute('data-group').split(' ').indexOf(type.value) < 0;
    });
  }

  // Draw each chart from the JSON the page carries next to it.
  function drawCharts(root) {
    if (!window.Chart) return;
    root.querySelectorAll('script[data-chart]').forEach(function (data) {
      var canvas = document.getElementById(data.getAttribute('data-chart'));
      if (!canvas || canvas.dataset.drawn) return;
      var chart = JSON.parse(data.textContent);
      canvas.dataset.drawn = 'true';
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: chart.labels,
          // Money as bars on the left axis, the order count as a line on the right one.
          datasets: chart.datasets.map(function (d) {
            var count = d.axis === 'count';
            return { label: d.label, data: d.data.map(Number), yAxisID: count ? 'count' : 'money', type: count ? 'line' : 'bar', tension: 0.2 };
          })
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          scales: {
            money: { type: 'linear', position: 'left', title: { display: true, text: chart.currency } },
            count: { type: 'linear', position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'orders' } }
          }
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.promotion-form').forEach(function (form) {
      showRewardGroups(form);
      form.addEventListener('change', function (e) {
        if (e.target.name === 'reward.type') showRewardGroups(form);
      });
    });
    drawCharts(document);
  });
})();
