(function () {
  var q = document.getElementById('q');
  var severity = document.getElementById('severity');
  var outcome = document.getElementById('outcome');
  var shown = document.getElementById('shown');
  var none = document.getElementById('none');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
  function apply() {
    var text = q.value.trim().toLowerCase(), s = severity.value, o = outcome.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!s || r.getAttribute('data-severity') === s)
        && (!o || r.getAttribute('data-outcome') === o)
        && (!text || r.textContent.toLowerCase().indexOf(text) >= 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = shown.getAttribute('data-template')
      .replace('{0}', String(n)).replace('{1}', String(rows.length));
    none.hidden = n > 0 || rows.length === 0;
  }
  function fromAddress() {
    var p = new URLSearchParams(location.hash.slice(1));
    q.value = p.get('q') || '';
    severity.value = p.get('severity') || '';
    outcome.value = p.get('outcome') || '';
    apply();
  }
  [q, severity, outcome].forEach(function (e) { e.addEventListener('input', apply); });
  window.addEventListener('hashchange', fromAddress);
  fromAddress();
})();
