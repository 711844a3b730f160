// The video mediation room. The server renders the room (people, chat, documents) and relays messages over one
// WebSocket; this module brings it to life: camera and microphone, one RTCPeerConnection per other admitted person
// (a mesh: rooms are small), the lobby and the mediator's controls, chat and shared documents.
//
// Nothing from the network is ever put into the page as HTML: names, chat lines and file names go in as text.

// Every string the room shows, in Chinese; the page's #meeting-texts (the person's language) takes precedence.
const FALLBACK = {
  status_connecting: '正在连接……',
  status_lobby: '您在等候室，调解员会请您进入。',
  status_waiting_mediator: '调解员尚未到场，请稍候。',
  status_in_meeting: '您已进入调解。',
  status_reconnecting: '网络中断，正在重新连接……',
  status_removed: '调解员已请您离开本次调解。',
  status_ended: '调解员已结束本次视频调解。',
  status_replaced: '您已在另一个页面或设备上进入，本页已断开。',
  status_no_devices: '无法使用摄像头或麦克风，您仍可以看到和听到其他人。',
  status_error: '出现问题：',
  admit: '请进入',
  mute: '静音',
  remove: '移出',
  you: '（您）',
  in_lobby: '等候中',
  admitted: '已进入',
  left: '已离开',
  offline: '连接中断',
  host: '主持',
  muted_by_mediator: '调解员已将您静音。',
  // What the button does next: the microphone is on, so it turns it off.
  mic_on: '关闭麦克风',
  mic_off: '打开麦克风',
  cam_on: '关闭摄像头',
  cam_off: '打开摄像头',
  shared_by: '展示人：',
  open_document: '打开材料',
  chat_send: '发送',
  video_of: '{name}的画面',
  role_mediator: '调解员',
  role_requester: '申请人',
  role_respondent: '被申请人',
  role_agent: '代理人',
  role_interpreter: '翻译',
  role_clerk: '书记员',
};

function start(root) {
  const $ = (id) => document.getElementById(id);
  const t = { ...FALLBACK, ...readJson($('meeting-texts')) };
  const fill = (text, name) => text.replace('{name}', name);
  const mediation = root.dataset.mediation;
  const myRole = root.dataset.role;
  let me = root.dataset.me;

  const status = $('meeting-status');
  const videos = $('meeting-videos');
  const micButton = $('meeting-mic');
  const camButton = $('meeting-cam');
  const takeoverButton = $('meeting-takeover');
  const endButton = $('meeting-end');
  const peopleList = $('meeting-people-list');
  const chatLog = $('meeting-chat-log');
  const chatForm = $('meeting-chat-form');
  const chatText = $('meeting-chat-text');
  const docView = $('meeting-doc-view');

  // connecting | lobby | admitted | reconnecting, then for good: left, or the reason the server closed the room
  // (removed | ended | replaced | over …)
  let state = 'connecting';
  let ws = null;
  let ice = {};
  let roster = { host: null, host_present: false, people: [] };
  let myConn = null;
  let finished = false; // a `closed` message, or Leave: never reconnect
  let retries = 0;
  let pingTimer = 0;
  let base = 'status_connecting';
  let notice = '';
  let noDevices = false;

  // The exposed map holds only the connections (what tests read); what belongs to each lives beside it.
  const peers = new Map(); // PID -> RTCPeerConnection
  const info = new WeakMap(); // RTCPeerConnection -> { conn, sid, queue, stream }
  const tiles = new Map(); // PID -> <figure>

  function showStatus(key, extra) {
    if (key && key !== base) notice = '';
    if (key) base = key;
    if (extra !== undefined) notice = extra;
    status.textContent = [t[base], noDevices && !finished ? t.status_no_devices : '', notice]
      .filter(Boolean).join(' ');
  }
  showStatus('status_connecting');

  // Asked for once, before any peer connection needs it; a refusal or a missing camera leaves the person able to
  // see and hear the others.
  const media = navigator.mediaDevices?.getUserMedia
    ? navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 360 } } })
      .catch(() => null)
    : Promise.resolve(null);
  let local = null;
  media.then((stream) => {
    if (finished) { stopStream(stream); return; }
    local = stream;
    noDevices = !stream;
    if (stream) tile(me, nameOf(me), stream, true);
    syncButtons();
    showStatus();
  });

  function connect() {
    const url = new URL(root.dataset.ws, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(url);
    ws.onmessage = (e) => {
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      if (!finished) handlers[msg.t]?.(msg);
    };
    ws.onclose = () => {
      clearInterval(pingTimer);
      if (finished) return;
      // Only an unexpected close comes here: the network, or the server restarting. The person stays admitted
      // on the server's side, so the same link gets them back in.
      state = 'reconnecting';
      showStatus('status_reconnecting');
      const delay = Math.min(1000 * 2 ** retries, 10000);
      retries++;
      setTimeout(connect, delay);
    };
    ws.onopen = () => {
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ t: 'ping' }), 20000);
    };
  }

  function send(msg) {
    if (ws?.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(msg)); return true; }
    return false;
  }

  const handlers = {
    welcome(msg) {
      retries = 0;
      me = msg.me || me;
      ice = msg.ice || {};
      // A new connection is a new `conn` for this person, and everyone rebuilds their connection to it: ours
      // are stale too.
      myConn = null;
      for (const pid of [...peers.keys()]) closePeer(pid, true);
      chatLog.replaceChildren(); // the history is replayed after each welcome
    },
    roster(msg) {
      roster = msg;
      const self = msg.people.find((p) => p.id === me);
      if (self) myConn = self.conn;
      state = self?.state === 'admitted' ? 'admitted' : 'lobby';
      if (state === 'lobby') showStatus('status_lobby');
      else if (!msg.host_present && myRole !== 'mediator') showStatus('status_waiting_mediator');
      else showStatus('status_in_meeting');
      if (local) tile(me, nameOf(me), local, true);
      renderPeople();
      syncPeers();
    },
    signal(msg) { onSignal(msg.from, msg.data || {}); },
    chat(msg) { addChat(msg); },
    share(msg) { showDoc(msg); },
    muted() {
      const track = local?.getAudioTracks()[0];
      if (track) track.enabled = false;
      syncButtons();
      showStatus(null, t.muted_by_mediator);
    },
    // removed, ended, replaced; or the link refused on arrival (over, moved, cancelled …): then the status names
    // it if the page has a text `status_<reason>`, else says something went wrong.
    closed(msg) { finish(/^[a-z_]{1,20}$/.test(msg.reason ?? '') ? msg.reason : 'error'); },
    error(msg) { showStatus(null, `${t.status_error}${msg.message || msg.code || ''}`); },
  };

  function finish(why) {
    finished = true;
    state = why;
    clearInterval(pingTimer);
    for (const pid of [...peers.keys()]) closePeer(pid, false);
    stopStream(local);
    local = null;
    media.then(stopStream);
    for (const [pid] of tiles) removeTile(pid);
    syncButtons();
    takeoverButton.hidden = true;
    endButton.hidden = true;
    if (why === 'left') return;
    if (t[`status_${why}`]) showStatus(`status_${why}`);
    else showStatus('status_error', why);
  }

  // ---- peers ----

  const person = (pid) => roster.people.find((p) => p.id === pid);
  const nameOf = (pid) => {
    const name = person(pid)?.name ?? '';
    return pid === me ? `${name}${t.you}` : name;
  };
  const present = (p) => p && p.state === 'admitted' && p.connected;
  // Exactly one side makes the offer, so two offers never cross (no glare).
  const offerer = (pid) => me < pid;
  const newSid = () => Math.random().toString(36).slice(2);

  function syncPeers() {
    const wanted = state === 'admitted'
      ? roster.people.filter((p) => p.id !== me && present(p)) : [];
    for (const pid of [...peers.keys()]) {
      const p = wanted.find((w) => w.id === pid);
      if (!p) closePeer(pid, false);
      else if (info.get(peers.get(pid)).conn !== p.conn) closePeer(pid, true);
    }
    for (const p of wanted) {
      // The answering side waits for the offer, which names the connection it is for.
      if (!peers.has(p.id) && offerer(p.id)) openPeer(p.id, p.conn, newSid());
    }
    for (const [pid] of tiles) if (pid !== me && !wanted.some((w) => w.id === pid)) removeTile(pid);
  }

  function openPeer(pid, conn, sid) {
    const pc = new RTCPeerConnection({ iceServers: ice.iceServers || [], iceTransportPolicy: ice.iceTransportPolicy || 'all' });
    const stream = new MediaStream();
    const data = { conn, sid, queue: [], stream, ready: null, restarts: 0 };
    info.set(pc, data);
    peers.set(pid, pc);
    tile(pid, nameOf(pid), stream, false);

    pc.onicecandidate = (e) => {
      if (e.candidate) send({ t: 'signal', to: pid, data: { sid, conn: myConn, candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => {
      stream.addTrack(e.track);
      const video = tiles.get(pid)?.querySelector('video');
      if (video && video.srcObject !== stream) video.srcObject = stream;
      play(video);
    };
    // The offering side starts over when the path fails (a network change, a NAT timing out) or no answer
    // comes (the other side was not ready for it); a few times, then it waits for the next roster change.
    const retry = (delay) => setTimeout(() => {
      if (peers.get(pid) !== pc || pc.connectionState === 'connected' || data.restarts >= 5) return;
      closePeer(pid, true);
      const p = person(pid);
      if (state === 'admitted' && present(p)) info.get(openPeer(pid, p.conn, newSid())).restarts = data.restarts + 1;
    }, delay);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') data.restarts = 0;
      if (pc.connectionState === 'failed' && offerer(pid)) retry(1000);
    };
    if (offerer(pid)) retry(20000);
    // Tracks go on before any description, so the offer (or the answer) carries them; without devices the
    // person still receives.
    data.ready = media.then(async (s) => {
      if (peers.get(pid) !== pc) return;
      if (s) for (const track of s.getTracks()) pc.addTrack(track, s);
      else if (offerer(pid)) for (const kind of ['audio', 'video']) pc.addTransceiver(kind, { direction: 'recvonly' });
      if (offerer(pid)) {
        await pc.setLocalDescription(await pc.createOffer());
        send({ t: 'signal', to: pid, data: { sid, conn: myConn, sdp: pc.localDescription.toJSON() } });
      }
    }).catch((e) => showStatus(null, `${t.status_error}${e?.name ?? ''}`));
    return pc;
  }

  function closePeer(pid, keepTile) {
    const pc = peers.get(pid);
    if (pc) {
      peers.delete(pid);
      pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = null;
      pc.close();
    }
    if (!keepTile) removeTile(pid);
  }

  async function onSignal(from, data) {
    let pc = peers.get(from);
    if (data.sdp?.type === 'offer') {
      // A new offer (a new `sid`) means the other side started over: follow it.
      if (pc && info.get(pc).sid !== data.sid) { closePeer(from, true); pc = null; }
      if (!pc) pc = openPeer(from, data.conn ?? person(from)?.conn, data.sid);
    }
    if (!pc) return;
    const d = info.get(pc);
    if (d.sid !== data.sid) return; // for a connection already closed
    try {
      if (data.sdp) {
        await d.ready;
        if (peers.get(from) !== pc) return;
        await pc.setRemoteDescription(data.sdp);
        if (data.sdp.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          send({ t: 'signal', to: from, data: { sid: d.sid, conn: myConn, sdp: pc.localDescription.toJSON() } });
        }
        for (const c of d.queue.splice(0)) await pc.addIceCandidate(c).catch(() => {});
      } else if (data.candidate) {
        // Candidates may overtake the description they belong to.
        if (pc.remoteDescription) await pc.addIceCandidate(data.candidate).catch(() => {});
        else d.queue.push(data.candidate);
      }
    } catch (err) {
      console.warn('meeting: signal', err);
    }
  }

  // ---- video tiles ----

  function tile(pid, name, stream, mine) {
    let fig = tiles.get(pid);
    if (!fig) {
      fig = document.createElement('figure');
      fig.className = mine ? 'tile mine' : 'tile';
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.setAttribute('playsinline', '');
      if (mine) video.muted = true; // no echo of oneself
      fig.append(video, document.createElement('figcaption'));
      if (mine) videos.prepend(fig); else videos.append(fig);
      tiles.set(pid, fig);
    }
    const video = fig.querySelector('video');
    fig.querySelector('figcaption').textContent = name;
    video.setAttribute('aria-label', fill(t.video_of, name));
    if (video.srcObject !== stream) video.srcObject = stream;
    play(video);
  }

  function removeTile(pid) {
    const fig = tiles.get(pid);
    if (!fig) return;
    fig.querySelector('video').srcObject = null;
    fig.remove();
    tiles.delete(pid);
  }

  // Browsers may refuse to start sound before the person has touched the page; the first touch starts it.
  let blocked = false;
  function play(video) {
    video?.play().catch(() => {
      if (blocked) return;
      blocked = true;
      document.addEventListener('pointerdown', () => {
        blocked = false;
        for (const v of videos.querySelectorAll('video')) v.play().catch(() => {});
      }, { once: true });
    });
  }

  function stopStream(stream) {
    for (const track of stream?.getTracks() ?? []) track.stop();
  }

  // ---- controls ----

  function syncButtons() {
    for (const [button, track, on, off] of [
      [micButton, local?.getAudioTracks()[0], t.mic_on, t.mic_off],
      [camButton, local?.getVideoTracks()[0], t.cam_on, t.cam_off],
    ]) {
      const enabled = !!track && track.enabled && !finished;
      button.disabled = !track || finished;
      button.setAttribute('aria-pressed', String(enabled));
      button.textContent = enabled ? on : off;
    }
  }

  function toggle(track) {
    if (!track) return;
    track.enabled = !track.enabled;
    if (track.kind === 'audio' && track.enabled && notice === t.muted_by_mediator) showStatus(null, '');
    // The room shows who is muted: turning one's own microphone back on clears the mediator's mark.
    if (track.kind === 'audio' && track.enabled) send({ t: 'unmuted' });
    syncButtons();
  }
  micButton.addEventListener('click', () => toggle(local?.getAudioTracks()[0]));
  camButton.addEventListener('click', () => toggle(local?.getVideoTracks()[0]));
  $('meeting-leave').addEventListener('click', () => {
    finish('left');
    ws?.close(1000);
    location.assign(`/mediations/${encodeURIComponent(mediation)}`);
  });
  takeoverButton.addEventListener('click', () => send({ t: 'takeover' }));
  endButton.addEventListener('click', () => send({ t: 'end' }));

  // ---- people ----

  function renderPeople() {
    const amHost = roster.host === me && state === 'admitted';
    endButton.hidden = !amHost || finished;
    takeoverButton.hidden = finished || myRole !== 'mediator' || roster.host === me || roster.host_present;
    // The list is drawn anew; whichever button had the focus gets it back (keyboard users stay in place).
    const focused = peopleList.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const items = [];
    for (const p of roster.people) {
      if (p.state === 'removed') continue;
      const li = document.createElement('li');
      li.className = `person ${p.state}`;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.id === me ? `${p.name}${t.you}` : p.name;
      const detail = document.createElement('span');
      detail.className = 'detail';
      const stateText = p.state === 'lobby' ? t.in_lobby : p.state === 'left' ? t.left
        : p.connected ? t.admitted : t.offline;
      detail.textContent = [t[`role_${p.role}`] ?? p.role, roster.host === p.id ? t.host : '', stateText]
        .filter(Boolean).join(' · ');
      li.append(name, detail);
      if (amHost && p.id !== me) {
        const actions = document.createElement('span');
        actions.className = 'actions';
        const act = (kind) => {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = t[kind];
          b.setAttribute('aria-label', `${t[kind]} ${p.name}`);
          b.dataset.key = `${kind}:${p.id}`;
          b.addEventListener('click', () => send({ t: kind, who: p.id }));
          actions.append(b);
        };
        if (p.state === 'lobby' && p.connected) act('admit');
        if (p.state === 'admitted') { act('mute'); act('remove'); }
        if (actions.childElementCount) li.append(actions);
      }
      items.push(li);
    }
    peopleList.replaceChildren(...items);
    // Admitting someone replaces Admit by Mute: the focus moves to that person's next button.
    if (focused) {
      const pid = focused.slice(focused.indexOf(':') + 1);
      (peopleList.querySelector(`[data-key="${CSS.escape(focused)}"]`)
        ?? peopleList.querySelector(`[data-key$=":${CSS.escape(pid)}"]`))?.focus();
    }
  }

  // ---- chat ----

  function addChat(msg) {
    const li = document.createElement('li');
    if (msg.from === me) li.className = 'mine';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = msg.from === me ? `${msg.name ?? ''}${t.you}` : msg.name ?? '';
    const when = document.createElement('time');
    const at = new Date(msg.at || Date.now());
    when.dateTime = at.toISOString();
    when.textContent = at.toLocaleTimeString(document.documentElement.lang || undefined,
      { hour: '2-digit', minute: '2-digit' });
    const text = document.createElement('p');
    text.textContent = msg.text ?? '';
    li.append(who, ' ', when, text);
    const atEnd = chatLog.scrollTop + chatLog.clientHeight >= chatLog.scrollHeight - 8;
    chatLog.append(li);
    if (atEnd) chatLog.scrollTop = chatLog.scrollHeight;
  }

  chatForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = chatText.value.trim().slice(0, 500);
    // What cannot be sent now stays typed.
    if (text && send({ t: 'chat', text })) chatText.value = '';
  });

  // ---- documents ----

  for (const button of document.querySelectorAll('#meeting-doc-list button[data-share]')) {
    button.addEventListener('click', () => send({ t: 'share', doc: button.dataset.share }));
  }

  function showDoc(msg) {
    const doc = msg.doc || {};
    // Only this site's own addresses (the server's document route): never a javascript: or foreign URL.
    if (typeof doc.url !== 'string' || !doc.url.startsWith('/') || doc.url.startsWith('//')) return;
    const name = doc.name || '';
    const caption = document.createElement('p');
    caption.className = 'shared-by';
    caption.textContent = t.shared_by.includes('{name}') ? fill(t.shared_by, msg.name || '')
      : `${t.shared_by}${msg.name || ''}`;
    const title = document.createElement('p');
    title.className = 'doc-name';
    title.textContent = name;
    const parts = [caption, title];
    if (/^image\/(png|jpeg)$/.test(doc.type)) {
      const img = document.createElement('img');
      img.src = doc.url;
      img.alt = name;
      parts.push(img);
    } else if (doc.type === 'application/pdf') {
      const frame = document.createElement('iframe');
      frame.src = doc.url;
      frame.title = name;
      parts.push(frame);
    }
    const open = document.createElement('a');
    open.href = doc.url;
    open.target = '_blank';
    open.rel = 'noopener';
    open.className = 'open-doc';
    open.textContent = t.open_document;
    parts.push(open);
    docView.replaceChildren(...parts);
  }

  // ---- for the browser tests ----

  window.portalMeeting = {
    get state() { return state; },
    peers,
    async inboundBytes() {
      const out = {};
      for (const [pid, pc] of peers) {
        let sum = 0;
        (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp') sum += s.bytesReceived || 0; });
        out[pid] = sum;
      }
      return out;
    },
    async candidateTypes() {
      const out = {};
      for (const [pid, pc] of peers) {
        const stats = await pc.getStats();
        let pair = null;
        stats.forEach((s) => {
          if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
        });
        if (!pair) stats.forEach((s) => { if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) pair = s; });
        out[pid] = pair ? [stats.get(pair.localCandidateId)?.candidateType, stats.get(pair.remoteCandidateId)?.candidateType] : [];
      }
      return out;
    },
  };

  syncButtons();
  // Leaving the page says goodbye at once (the server need not wait for the heartbeat to time out); a page brought
  // back from the back/forward cache starts over.
  window.addEventListener('pagehide', () => { finished = true; ws?.close(1000); });
  window.addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });
  connect();
}

function readJson(el) {
  try { return el ? JSON.parse(el.textContent) : {}; } catch { return {}; }
}

const root = document.getElementById('meeting');
if (root) start(root);
