// The device check before a video mediation: does the camera show a picture, does the microphone hear, can the
// speaker be heard, and can this network reach the portal and the meeting's STUN/TURN servers. Everything happens
// in this browser; nothing is recorded or sent anywhere but the health check.

const FALLBACK = {
  camera_ok: '摄像头正常。',
  camera_fail: '无法打开摄像头：请允许浏览器使用摄像头，或换一台设备。',
  mic_ok: '麦克风正常：说话时音量条会动。',
  mic_fail: '无法打开麦克风：请允许浏览器使用麦克风。',
  speaker_playing: '正在播放测试音，听到了吗？',
  network_ok: '网络良好（往返 {ms} 毫秒）。',
  network_slow: '网络较慢（往返 {ms} 毫秒），视频可能卡顿，可关闭摄像头只用声音。',
  network_fail: '无法连接到法院服务器，请检查网络。',
  relay_ok: '可以通过中转服务器连接，防火墙后也能参加。',
  relay_none: '未能连接中转服务器；多数网络下仍可直接连接。',
};

// Above this round trip the meeting still works, but people should expect lag.
const SLOW_MS = 800;
// How long ICE gathering may take before we judge with what has arrived.
const GATHER_MS = 8000;

function start(root) {
  const $ = (id) => document.getElementById(id);
  const t = { ...FALLBACK, ...readJson($('check-texts')) };
  const video = $('check-video');
  const meter = $('check-mic');
  const cameraResult = $('check-camera-result');
  const micResult = $('check-mic-result');
  const networkResult = $('check-network-result');
  const speaker = $('check-speaker');
  let ice = {};
  try { ice = JSON.parse(root.dataset.ice || '{}'); } catch { /* no servers: the ICE part reports none */ }

  let audio = null; // one AudioContext, made on a click (browsers start sound only after one)
  let stream = null;
  let frame = 0;

  const say = (el, text, ok) => {
    el.textContent = text;
    el.classList.toggle('ok', ok);
    el.classList.toggle('fail', !ok);
  };
  const context = () => {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume();
    return audio;
  };

  async function checkDevices() {
    stop();
    const [video_, audio_] = await Promise.all([
      grab({ video: { width: { ideal: 640 }, height: { ideal: 360 } } }),
      grab({ audio: true }),
    ]);
    // Asked for apart, so a missing camera does not hide a working microphone (or the other way round).
    stream = new MediaStream([...(video_?.getTracks() ?? []), ...(audio_?.getTracks() ?? [])]);
    const cam = stream.getVideoTracks()[0];
    if (cam) {
      video.srcObject = new MediaStream([cam]);
      await video.play().catch(() => {});
    }
    say(cameraResult, cam ? t.camera_ok : t.camera_fail, !!cam);
    const mic = stream.getAudioTracks()[0];
    say(micResult, mic ? t.mic_ok : t.mic_fail, !!mic);
    if (mic) listen(mic);
  }

  function grab(constraints) {
    return navigator.mediaDevices?.getUserMedia(constraints).catch(() => null) ?? Promise.resolve(null);
  }

  function listen(track) {
    const ctx = context();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS of speech sits around 0.01–0.2: scaled so that talking fills most of the meter.
      meter.value = Math.min(1, Math.sqrt(sum / samples.length) * 5);
      frame = requestAnimationFrame(tick);
    };
    tick();
  }

  function stop() {
    cancelAnimationFrame(frame);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
  }

  async function checkNetwork() {
    networkResult.textContent = '';
    const started = performance.now();
    let ms = -1;
    try {
      const res = await fetch('/api/v1/health', { cache: 'no-store' });
      if (res.ok) ms = Math.round(performance.now() - started);
    } catch { /* stays -1 */ }
    if (ms < 0) {
      say(networkResult, t.network_fail, false);
      return;
    }
    const net = (ms > SLOW_MS ? t.network_slow : t.network_ok).replace('{ms}', ms);
    const types = await gather();
    // No STUN/TURN servers configured (a court's own network): nothing more to try.
    if (!types) {
      say(networkResult, net, ms <= SLOW_MS);
      return;
    }
    // A relayed candidate means the TURN server answered: the meeting gets through even a strict firewall. With
    // STUN alone, a server-reflexive one is the most there is to hope for. Without either, direct paths may
    // still work, so this is no failure.
    const turn = (ice.iceServers || []).some((s) => [s.urls].flat().some((u) => /^turns?:/.test(u)));
    const reached = types.has('relay') || (!turn && types.has('srflx'));
    say(networkResult, `${net} ${reached ? t.relay_ok : t.relay_none}`, ms <= SLOW_MS);
  }

  async function gather() {
    const types = new Set();
    if (!(ice.iceServers || []).length) return null;
    if (typeof RTCPeerConnection !== 'function') return types;
    const pc = new RTCPeerConnection({ iceServers: ice.iceServers, iceTransportPolicy: ice.iceTransportPolicy || 'all' });
    try {
      pc.createDataChannel('check');
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, GATHER_MS);
        pc.onicecandidate = (e) => {
          if (e.candidate?.type) types.add(e.candidate.type);
          if (!e.candidate || types.has('relay')) { clearTimeout(timer); resolve(); }
        };
        pc.createOffer().then((offer) => pc.setLocalDescription(offer)).catch(resolve);
      });
    } finally {
      pc.close();
    }
    return types;
  }

  let toneResult = $('check-speaker-result');
  speaker.addEventListener('click', () => {
    const ctx = context();
    // A short, soft 440 Hz tone, faded in and out so it does not click.
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const now = ctx.currentTime;
    osc.frequency.value = 440;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(0.3, now + 0.05);
    gain.gain.setValueAtTime(0.3, now + 1.2);
    gain.gain.linearRampToValueAtTime(0, now + 1.5);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now);
    osc.stop(now + 1.5);
    if (!toneResult) {
      toneResult = document.createElement('p');
      toneResult.id = 'check-speaker-result';
      toneResult.setAttribute('role', 'status');
      (speaker.closest('p') ?? speaker).after(toneResult);
    }
    toneResult.textContent = t.speaker_playing;
  });

  let running = null;
  async function run() {
    await Promise.all([checkDevices(), checkNetwork()]);
  }
  $('check-start').addEventListener('click', () => {
    context();
    running = run();
    window.portalDeviceCheck.done = running;
  });
  window.addEventListener('pagehide', stop);

  // For the browser tests: the last check's promise.
  window.portalDeviceCheck = { done: running };
}

function readJson(el) {
  try { return el ? JSON.parse(el.textContent) : {}; } catch { return {}; }
}

const root = document.getElementById('device-check');
if (root) start(root);
