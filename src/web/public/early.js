// Starts the first API requests while the app's JavaScript is still downloading. A file of
// its own, not an inline script, so the Content-Security-Policy can refuse every inline script.
(() => {
  // No CSRF cookie, no session: a signed-out visitor is not asked who they are.
  if (!/(?:^|;\s*)(?:__Host-)?headway_csrf=/.test(document.cookie)) return;
  const get = (path) =>
    fetch(`/api${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) =>
      // Read a refusal's body too, so the request completes instead of idling in the browser.
      r.ok ? r.json() : r.text().then(() => Promise.reject(r.status)),
    );
  const early = { session: get('/auth/session'), me: get('/me') };
  const m = /^\/w\/([^/]+)\/backlog\/?$/.exec(location.pathname);
  if (m && !/[?&](type|state|assignee|label|q)=/.test(location.search)) {
    early.items = early.me.then((me) => {
      const ws = me.workspaces.find((w) => w.slug === m[1] || w.id === m[1]);
      if (!ws) return Promise.reject(404);
      return get(`/workspaces/${ws.id}/items?limit=100`).then((page) => ({ ws: ws.id, page }));
    });
  }
  for (const p of Object.values(early)) p.catch(() => {});
  window.__headwayEarly = early;
})();
