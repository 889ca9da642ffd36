// The dashboard's charts from the figures the page carries (the tables show the same numbers).
document.addEventListener('DOMContentLoaded', () => {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const Chart = window.Chart;
  if (!Chart) return;
  const colours = ['#6c757d', '#0172ad', '#b3261e', '#8a4b00', '#1b5e20', '#5c5c5c'];
  new Chart(document.getElementById('status-chart'), {
    type: 'bar',
    data: {
      labels: data.byStatus.map((s) => s.label),
      datasets: [{ label: data.layersLabel, data: data.byStatus.map((s) => s.n), backgroundColor: colours }],
    },
    options: {
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  new Chart(document.getElementById('steps-chart'), {
    type: 'line',
    data: {
      labels: data.weeks,
      datasets: data.steps.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: colours[i + 1],
        backgroundColor: colours[i + 1],
        tension: 0.2,
      })),
    },
    options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
});
