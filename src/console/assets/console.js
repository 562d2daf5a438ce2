// Light progressive enhancement; every page works without it.
// Buttons with data-confirm ask before their form is sent.
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const question = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
// Filter selects on the jobs page apply at once.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form.requestSubmit());
}
