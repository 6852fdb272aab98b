// Progressive enhancement only: every page works without it.
// The password page: the token travels in the URL fragment (never sent to servers, logs or Referer); this copies it
// into the form's hidden field, so that the form can be posted as any other.
document.addEventListener('DOMContentLoaded', () => {
  const token = document.querySelector('input[name="token"][data-do-fragmento]');
  if (token && location.hash.length > 1) {
    token.value = decodeURIComponent(location.hash.slice(1));
    const manual = document.getElementById('campo-token');
    if (manual) manual.hidden = true;
  }
});
