// The request page's toggles: "Show more" / "Show less" on long message cards, and one button that
// opens or closes every system reminder. Long cards start collapsed only when this script runs, so
// without it every card shows in full.
(function () {
  'use strict';

  function setExpanded(card, button, expanded) {
    card.classList.toggle('nexus-collapsed', !expanded);
    button.setAttribute('aria-expanded', String(expanded));
    button.textContent = expanded ? 'Show less' : 'Show more';
  }

  function init() {
    document.documentElement.classList.add('nexus-js');
    document.querySelectorAll('.nexus-msg.nexus-collapsible').forEach(function (card) {
      var button = card.querySelector('.nexus-msg-toggle');
      if (button) {
        setExpanded(card, button, false);
      }
    });
  }

  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('.nexus-msg-toggle');
    if (toggle) {
      var card = toggle.closest('.nexus-msg');
      setExpanded(card, toggle, card.classList.contains('nexus-collapsed'));
      return;
    }
    var reminders = event.target.closest('#reminders-toggle');
    if (reminders) {
      var open = reminders.getAttribute('aria-pressed') !== 'true';
      document.querySelectorAll('details.nexus-reminder').forEach(function (details) {
        details.open = open;
      });
      reminders.setAttribute('aria-pressed', String(open));
      reminders.textContent = reminders.textContent.replace(open ? 'Show' : 'Hide', open ? 'Hide' : 'Show');
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
