// The static host: runs components in the built book, where there is no Jupyter
// kernel. boardroom.sphinx appends this file to boardroom.js after the
// components, which register themselves in window.BoardroomComponents.
//
// Each mount (div.boardroom-mount) holds a JSON config: the component's name,
// a key, its starting state, the names of the state to keep, and a revision.
// The host gives the component a stand-in for anywidget's model (get, set, on,
// off, save_changes, send) that keeps the named state in the learning record's
// store (store.js, window.BoardroomRecord), with the component's summary of its
// results when it offers one (its exported summary(state)). State kept for
// another revision of the content is not restored: the page must work whatever
// the browser holds.
(function () {
  "use strict";
  const PREFIX = "boardroom.v1";
  const components = window.BoardroomComponents || {};

  let session = null;
  try {
    session = window.sessionStorage;
    session.setItem(`${PREFIX}.probe`, "1");
    session.removeItem(`${PREFIX}.probe`);
  } catch (err) {
    session = null; // blocked by policy or private browsing: a new order on each page
  }

  // One seed per browser session, so shuffled options keep their order across pages and reloads.
  function sessionSeed() {
    let seed = session && session.getItem(`${PREFIX}.seed`);
    if (!seed || !/^[0-9]{1,10}$/.test(seed)) {
      seed = String(Math.floor(Math.random() * 1e9));
      if (session) session.setItem(`${PREFIX}.seed`, seed);
    }
    return seed;
  }

  const store = window.BoardroomRecord && window.BoardroomRecord.available ? window.BoardroomRecord : null;

  function readStored(config, persist) {
    const state = store ? store.state(config.component, config.key, config.revision) : {};
    return Object.fromEntries(persist.filter((name) => name in state).map((name) => [name, state[name]]));
  }

  // The component's own account of its results, for the learning record; null if it offers none or fails.
  function summaryOf(component, state) {
    if (typeof component.summary !== "function") return null;
    try {
      return component.summary(state);
    } catch (err) {
      console.warn("boardroom: no summary for the learning record", err);
      return null;
    }
  }

  function createModel(config, component) {
    const persist = Array.isArray(config.persist) ? config.persist : [];
    const state = Object.assign({ seed: sessionSeed() }, config.state, readStored(config, persist));
    const kept = () => Object.fromEntries(persist.map((name) => [name, state[name]]));
    // Answers moved from an older version of the book get their summary (title, score, rating) now.
    if (store && store.needsSummary(config.component, config.key)) {
      store.save(config.component, config.key, config.revision, kept(), summaryOf(component, state), { keepTime: true });
    }
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
        if (store) store.save(config.component, config.key, config.revision, kept(), summaryOf(component, state));
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
      if (!models.has(id)) models.set(id, createModel(config, component));
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
