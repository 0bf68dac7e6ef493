// The static host: runs components in the built book, where there is no Jupyter
// kernel. boardroom.sphinx appends this file to boardroom.js after the
// components, which register themselves in window.BoardroomComponents.
//
// Each mount (div.boardroom-mount) holds a JSON config: the component's name,
// a key, its starting state, the names of the state to keep, and a revision.
// The host gives the component a stand-in for anywidget's model (get, set, on,
// off, save_changes, send) that keeps the named state in localStorage under a
// versioned key. Stored data that is stale or unreadable is dropped, never
// trusted: the page must work whatever the browser holds.
(function () {
  "use strict";
  const PREFIX = "boardroom.v1";
  const components = window.BoardroomComponents || {};

  function usable(kind) {
    try {
      const store = window[kind];
      store.setItem(`${PREFIX}.probe`, "1");
      store.removeItem(`${PREFIX}.probe`);
      return store;
    } catch (err) {
      return null; // blocked by policy or private browsing: run without keeping progress
    }
  }
  const local = usable("localStorage");
  const session = usable("sessionStorage");

  // One seed per browser session, so shuffled options keep their order across pages and reloads.
  function sessionSeed() {
    let seed = session && session.getItem(`${PREFIX}.seed`);
    if (!seed || !/^[0-9]{1,10}$/.test(seed)) {
      seed = String(Math.floor(Math.random() * 1e9));
      if (session) session.setItem(`${PREFIX}.seed`, seed);
    }
    return seed;
  }

  function readStored(key, revision, persist) {
    if (!local) return {};
    const raw = local.getItem(key);
    if (raw === null) return {};
    try {
      const stored = JSON.parse(raw);
      const state = stored && stored.state;
      if (stored.revision === revision && state && typeof state === "object" && !Array.isArray(state)) {
        return Object.fromEntries(persist.filter((name) => name in state).map((name) => [name, state[name]]));
      }
    } catch (err) {
      // fall through: unreadable
    }
    local.removeItem(key);
    return {};
  }

  function createModel(config) {
    const key = `${PREFIX}.${config.component}.${config.key}`;
    const persist = Array.isArray(config.persist) ? config.persist : [];
    const state = Object.assign({ seed: sessionSeed() }, config.state, readStored(key, config.revision, persist));
    const listeners = new Map();
    const fire = (event) => (listeners.get(event) || []).slice().forEach((callback) => callback());
    return {
      get: (name) => state[name],
      set(name, value) {
        state[name] = value;
        fire(`change:${name}`);
        fire("change");
      },
      on(event, callback) {
        for (const name of String(event).split(/\s+/)) {
          listeners.set(name, (listeners.get(name) || []).concat([callback]));
        }
      },
      off(event, callback) {
        for (const name of event ? String(event).split(/\s+/) : [...listeners.keys()]) {
          listeners.set(name, callback ? (listeners.get(name) || []).filter((c) => c !== callback) : []);
        }
      },
      save_changes() {
        if (!local) return;
        const kept = Object.fromEntries(persist.map((name) => [name, state[name]]));
        try {
          local.setItem(key, JSON.stringify({ revision: config.revision, state: kept }));
        } catch (err) {
          console.warn("boardroom: progress not saved in this browser", err);
        }
      },
      send() {}, // no kernel to send to
    };
  }

  function mountAll() {
    const models = new Map(); // one model per component and key, shared by repeated mounts
    for (const mount of document.querySelectorAll(".boardroom-mount")) {
      if (mount.dataset.boardroomMounted) continue;
      let config;
      try {
        config = JSON.parse(mount.querySelector("script.boardroom-config").textContent);
      } catch (err) {
        console.error("boardroom: unreadable component config", err);
        continue;
      }
      const component = components[config.component];
      if (!component) continue; // the readable fallback stays
      const id = `${config.component}.${config.key}`;
      if (!models.has(id)) models.set(id, createModel(config));
      const el = document.createElement("div");
      el.className = `boardroom-component boardroom-${config.component}`;
      // The fallback stays, hidden on screen by CSS: print uses it, with the
      // answers gathered at the end of the quiz instead of under each question.
      // A component that works on the content it follows (the card filter)
      // asks to go before it, so the reading and tab order match the layout.
      // It is in the page before it renders, so it can see the headings above it.
      if (component.before) mount.querySelector("script.boardroom-config").after(el);
      else mount.append(el);
      try {
        component.render({ model: models.get(id), el });
      } catch (err) {
        el.remove();
        console.error(`boardroom: ${config.component} failed to start`, err);
        continue;
      }
      mount.dataset.boardroomMounted = "true";
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
