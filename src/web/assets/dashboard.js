// The dashboard's only script (no inline scripts: the Content-Security-Policy allows /assets only).
// Draws every chart from the ECharts option in its JSON data block, and submits the week picker on
// change. Marks each drawn chart with data-drawn="true" (the browser tests wait for it).
(() => {
  const charts = [];
  for (const el of document.querySelectorAll('[data-chart]')) {
    const source = document.getElementById(el.getAttribute('data-chart'));
    if (!source || typeof echarts === 'undefined') continue;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', () => el.setAttribute('data-drawn', 'true'));
    chart.setOption(JSON.parse(source.textContent));
    charts.push(chart);
  }
  window.addEventListener('resize', () => {
    for (const chart of charts) chart.resize();
  });
  for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form?.submit());
  }
})();
