// The hosted capture flow. The client token comes in the URL fragment (never sent to a server, never in a Referer),
// is kept in this tab's sessionStorage and removed from the address bar. The flow resumes from the session's state,
// so a reload, a second device or a phone taking over from a desktop all continue where the capture stands.

import { Api, ApiError } from './api.js';
import { Camera, fileToCanvas, hasCamera, isHandheld, toJpeg } from './camera.js';
import { assess } from './quality.js';
import { selfieStep } from './selfie.js';
import { announce, button, filePicker, h, notice, screen, setProgress, spinner, t } from './ui.js';

const DECIDED = ['approved', 'rejected', 'manual_review'];
const PROCESSING = ['submitted', 'processing'];
const POLL_MS = 1500;
// Width / height of the guide frame: ICAO TD3 passport page, ID-1 cards (ID card, licence, residence permit).
const ASPECT = { passport: 125 / 88, id_card: 85.6 / 54, driving_licence: 85.6 / 54, residence_permit: 85.6 / 54 };

const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const state = { api: null, settings: null, type: null, poller: null, stopCamera: null };

function readToken() {
  const key = `ekyc-capture:${sessionId}`;
  const match = /(?:^#|&)t=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(key, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(key);
}

function stopEverything() {
  clearTimeout(state.poller);
  state.poller = null;
  state.stopCamera?.();
  state.stopCamera = null;
}

function failure(kind) {
  stopEverything();
  setProgress(0);
  screen(t(`error_${kind}_title`), h('p', {}, t(`error_${kind}`)));
}

function failureFor(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) return failure('link_expired');
    if (error.status === 404) return failure('not_found');
    if (error.status === 410) return failure('deleted');
  }
  return failure('generic');
}

function sidesOf(type) { return state.settings.sides[type] ?? ['front']; }

function resume(session) {
  if (session.status === 'created') return intro();
  if (session.status === 'documents_uploaded') {
    const type = session.documents[0]?.type ?? state.settings.document_types[0];
    state.type = type;
    const missing = sidesOf(type).findIndex((side) => !session.documents.some((d) => d.side === side && d.type === type));
    return missing >= 0 ? documentStep(missing) : selfie();
  }
  if (session.status === 'selfie_uploaded') return submit();
  if (PROCESSING.includes(session.status)) return waiting();
  if (DECIDED.includes(session.status)) return done();
  return failure(session.status === 'expired' ? 'session_expired' : 'generic');
}

function intro() {
  setProgress(1, 4);
  const other = t('switch_language_code');
  const types = state.settings.document_types.map((type) => t(`doc_${type}`)).join(t('list_or'));
  screen(t('intro_title'),
    h('p', { class: 'lead' }, t('intro_lead')),
    h('ul', { class: 'checklist' }, h('li', {}, t('intro_need_document', { types })), h('li', {}, t('intro_need_selfie')), h('li', {}, t('intro_need_time'))),
    h('section', { class: 'consent', 'aria-labelledby': 'consent-title' },
      h('h2', { id: 'consent-title' }, t('consent_title')),
      h('p', { id: 'consent-text' }, state.settings.consent_text ?? t('consent_default'))),
    h('div', { class: 'actions' },
      button(t('consent_accept'), () => (isHandheld() ? chooseType() : handoff()), { primary: true, id: 'start' }),
      h('a', { href: `?lang=${other}`, lang: other, hreflang: other, class: 'link' }, t('switch_language'))));
}

/** Desktop: a QR code of this page for the phone, while this page follows the progress and continues with it. */
async function handoff() {
  setProgress(1, 4);
  const status = h('p', { id: 'handoff-status', role: 'status' }, t('handoff_waiting'));
  const qr = h('img', { id: 'qr', class: 'qr', alt: t('qr_alt') });
  const cameraHere = await hasCamera();
  screen(t('handoff_title'),
    h('p', { class: 'lead' }, t('handoff_lead')),
    h('ol', { class: 'steps' }, h('li', {}, t('handoff_step_scan')), h('li', {}, t('handoff_step_follow')), h('li', {}, t('handoff_step_back'))),
    h('div', { class: 'qr-box' }, qr),
    status,
    h('div', { class: 'actions' },
      button(cameraHere ? t('handoff_use_this_camera') : t('handoff_use_files'), () => { stopEverything(); chooseType(); }, { id: 'continue-here' })));
  try {
    qr.src = URL.createObjectURL(await state.api.qrCode());
    await qr.decode();
    qr.dataset.state = 'loaded';
  } catch (e) {
    return failureFor(e);
  }
  follow(status);
}

function follow(status) {
  const tick = async () => {
    try {
      const session = await state.api.poll();
      if (PROCESSING.includes(session.status) || DECIDED.includes(session.status)) return resume(session);
      if (session.status === 'expired') return failure('session_expired');
      const parts = [];
      if (session.documents.length) parts.push(t('handoff_document_received'));
      if (session.selfie.length) parts.push(t('handoff_selfie_received'));
      const text = parts.length ? parts.join(' ') : t('handoff_waiting');
      if (status.textContent !== text) status.textContent = text;
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) return failureFor(e);
    }
    state.poller = setTimeout(tick, POLL_MS);
  };
  state.poller = setTimeout(tick, POLL_MS);
}

function chooseType() {
  const types = state.settings.document_types;
  if (types.length === 1) {
    state.type = types[0];
    return documentStep(0);
  }
  setProgress(2, 4);
  const radios = types.map((type, i) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'doctype', id: `type-${type}`, value: type, checked: i === 0 }),
    h('label', { for: `type-${type}` }, t(`doc_${type}`))));
  screen(t('type_title'),
    h('form', { id: 'type-form', onsubmit: (e) => { e.preventDefault(); pick(); } },
      h('fieldset', {}, h('legend', {}, t('type_legend')), radios),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'type-continue' }, t('continue')))));
  function pick() {
    state.type = document.querySelector('input[name="doctype"]:checked').value;
    documentStep(0);
  }
}

/** The guide frame as shares of the camera frame: the document's aspect ratio, 90 % of the room it has. */
function guideFor(size, aspect) {
  const width = Math.min(0.9 * size.width, 0.9 * size.height * aspect);
  const height = width / aspect;
  return { x: (size.width - width) / 2 / size.width, y: (size.height - height) / 2 / size.height, width: width / size.width, height: height / size.height };
}

function widen(guide, margin) {
  const x = Math.max(0, guide.x - margin * guide.width), y = Math.max(0, guide.y - margin * guide.height);
  return { x, y, width: Math.min(1 - x, guide.width * (1 + 2 * margin)), height: Math.min(1 - y, guide.height * (1 + 2 * margin)) };
}

function documentStep(sideIndex) {
  const type = state.type;
  const sides = sidesOf(type);
  const side = sides[sideIndex];
  setProgress(2, 4);
  const video = h('video', { class: 'preview', 'aria-label': t('camera_preview_document'), playsinline: true, muted: true });
  const guide = h('div', { class: 'guide', 'aria-hidden': 'true' });
  const viewfinder = h('div', { class: 'viewfinder' }, video, guide);
  const feedback = h('div', { id: 'feedback' });
  const actions = h('div', { class: 'actions' });
  const camera = new Camera(video);
  state.stopCamera = () => camera.stop();
  let crop = null;

  const picker = () => filePicker(t('upload_file'), async (file) => {
    camera.stop();
    const canvas = await fileToCanvas(file);
    review(canvas, file, URL.createObjectURL(file));
  }, { id: 'document-file' });

  screen(t(`side_title_${side}`, { document: t(`doc_${type}`) }),
    h('p', { class: 'lead' }, t(`hint_${side}`, { document: t(`doc_${type}`) })),
    viewfinder, feedback, actions);

  const showCamera = () => {
    actions.replaceChildren(button(t('take_photo'), shoot, { primary: true, id: 'shoot' }), picker());
    camera.start('environment').then(() => {
      const g = guideFor(camera.size, ASPECT[type]);
      Object.assign(guide.style, { left: `${g.x * 100}%`, top: `${g.y * 100}%`, width: `${g.width * 100}%`, height: `${g.height * 100}%` });
      crop = widen(g, 0.06);
      viewfinder.dataset.state = 'live';
    }).catch(() => {
      viewfinder.remove();
      feedback.replaceChildren(notice('warn', t('camera_unavailable')));
      actions.replaceChildren(picker());
    });
  };
  showCamera();

  async function shoot() {
    if (!crop) return;
    const canvas = camera.grab(crop);
    camera.stop();
    const blob = await toJpeg(canvas);
    review(canvas, blob, URL.createObjectURL(blob));
  }

  function again() {
    documentStep(sideIndex);
  }

  function review(canvas, blob, previewUrl) {
    const still = h('img', { class: 'still', src: previewUrl, alt: t('preview_alt') });
    viewfinder.replaceChildren(still);
    const { problems } = assess(canvas);
    if (problems.length) {
      feedback.replaceChildren(notice('warn', h('p', {}, t('problems_found')), h('ul', {}, problems.map((p) => h('li', {}, t(`problem_${p}`))))));
      actions.replaceChildren(button(t('retake'), again, { primary: true, id: 'retake' }), button(t('use_anyway'), () => upload(blob), { id: 'use-anyway' }));
      announce(t('problems_found'));
      return;
    }
    upload(blob);
  }

  async function upload(blob) {
    feedback.replaceChildren(notice('info', spinner(), t('uploading')));
    actions.replaceChildren();
    let verdict;
    try {
      const stored = await state.api.uploadDocument(blob, type, side);
      feedback.replaceChildren(notice('info', spinner(), t('checking_photo')));
      verdict = await state.api.precheck(stored.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return failureFor(e);
      feedback.replaceChildren(notice('error', t('upload_failed'), ' ', e.message));
      actions.replaceChildren(button(t('retake'), again, { primary: true, id: 'retake' }));
      return;
    }
    if (verdict.verdict === 'retake') {
      const problems = verdict.result.problems;
      feedback.replaceChildren(notice('warn', h('p', {}, t('server_problems')), h('ul', { id: 'server-problems' }, problems.map((p) => h('li', { 'data-code': p }, t(`server_${p}`) === `server_${p}` ? t('server_other') : t(`server_${p}`))))));
      actions.replaceChildren(button(t('retake'), again, { primary: true, id: 'retake' }), button(t('use_anyway'), proceed, { id: 'use-anyway' }));
      announce(t('server_problems'));
      return;
    }
    announce(t('photo_ok'));
    proceed();
  }

  function proceed() {
    if (sideIndex + 1 < sides.length) documentStep(sideIndex + 1);
    else selfie();
  }
}

function selfie() {
  setProgress(3, 4);
  selfieStep(state, submit);
}

async function submit() {
  stopEverything();
  setProgress(4, 4);
  screen(t('submitting_title'), spinner());
  const key = `ekyc-submit:${sessionId}`;
  if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, crypto.randomUUID());
  try {
    await state.api.submit(sessionStorage.getItem(key));
  } catch (e) {
    // Already submitted from another device: follow it.
    if (!(e instanceof ApiError && e.status === 409)) return failureFor(e);
  }
  waiting();
}

function waiting() {
  stopEverything();
  setProgress(4, 4);
  screen(t('waiting_title'), spinner(), h('p', { class: 'lead', role: 'status' }, t('waiting_lead')));
  const tick = async () => {
    try {
      const session = await state.api.poll();
      if (DECIDED.includes(session.status)) return done();
      if (!PROCESSING.includes(session.status)) return resume(session);
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) return failureFor(e);
    }
    state.poller = setTimeout(tick, POLL_MS);
  };
  state.poller = setTimeout(tick, POLL_MS);
}

/** The end: the customer learns the capture is complete, never the decision (the business gets it by webhook). */
function done() {
  stopEverything();
  setProgress(0);
  const back = state.settings.return_url;
  screen(t('done_title'),
    h('p', { class: 'lead', id: 'done-lead' }, t('done_lead')),
    back ? h('div', { class: 'actions' }, h('a', { href: back, class: 'button primary', id: 'return', rel: 'noreferrer' }, t('done_return')))
      : h('p', {}, t('done_close')));
}

async function start() {
  document.getElementById('brand').textContent = t('brand');
  document.getElementById('loading').textContent = t('loading');
  const token = readToken();
  if (!token) return failure('link_incomplete');
  state.api = new Api(sessionId, token);
  try {
    const [settings, session] = await Promise.all([state.api.settings(), state.api.poll()]);
    state.settings = settings;
    resume(session);
  } catch (e) {
    failureFor(e);
  }
}

start();
