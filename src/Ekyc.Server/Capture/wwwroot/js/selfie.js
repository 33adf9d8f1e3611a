// The selfie: the active liveness challenge when the server offers one, else one passive selfie.
//
// A challenge is answered with live feedback: during each prompt the page samples a frame, asks the server's face
// engine what pose it shows (the pose check, bound to the challenge), says what to correct ("turn further"), and moves
// on as soon as the server sees the move. The frames the server accepted — the frontal reference, then one per move —
// are uploaded together, byte for byte the ones it checked, so the judge sees what the feedback saw.

import { assess } from './quality.js';
import { Camera, fileToCanvas, toJpeg } from './camera.js';
import { ApiError } from './api.js';
import { announce, button, filePicker, h, notice, screen, t } from './ui.js';

/** Longest side of a challenge frame: a face fills the oval, so 960 px keeps it well above the judge's size limits. */
const FRAME_MAX_SIDE = 960;
const FRAME_QUALITY = 0.85;
/** Pause between a pose check's answer and the next frame. */
const SAMPLE_GAP_MS = 200;
/** How long "got it" stays before the next prompt. */
const SEEN_PAUSE_MS = 700;
/** Without the server's pose check (no face engine): the time given to make each move. */
const MOVE_SETTLE_MS = 1400;
const ARROWS = { turn_left: '←', turn_right: '→', blink: '◡', neutral: '◯' };
/** Problems after which a fresh challenge is the way on. */
const RESTART_CODES = ['liveness_challenge_expired', 'liveness_challenge_used', 'pose_checks_exhausted', 'liveness_challenge_not_found'];

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Stopped extends Error {}
class Skipped extends Error {}

export function selfieStep(state, next) {
  const video = h('video', { class: 'preview mirrored', 'aria-label': t('camera_preview_selfie'), playsinline: true, muted: true });
  const oval = h('div', { class: 'oval', 'aria-hidden': 'true' });
  const frame = h('div', { class: 'viewfinder' }, video, oval);
  const prompt = h('p', { class: 'prompt', id: 'selfie-prompt', 'aria-live': 'assertive' });
  const hint = h('p', { class: 'pose-hint', id: 'pose-hint', role: 'status' });
  const moves = h('ol', { class: 'moves', id: 'challenge-moves', 'aria-label': t('challenge_moves_label') });
  const feedback = h('div', { id: 'feedback' });
  const actions = h('div', { class: 'actions' });
  const camera = new Camera(video);
  state.stopCamera = () => camera.stop();
  let skipped = false;

  const fallback = filePicker(t('selfie_upload_file'), async (file) => {
    camera.stop();
    const canvas = await fileToCanvas(file);
    await check(canvas, [file], null);
  }, { id: 'selfie-file', capture: 'user' });

  screen(t('selfie_title'), h('p', { class: 'lead' }, t('selfie_hint')), frame, prompt, hint, moves, feedback, actions);
  actions.replaceChildren(button(t('selfie_start'), () => run(), { primary: true, id: 'selfie-start' }), fallback);

  camera.start('user').then(() => {
    // A 3:4 oval, as tall as the frame allows (landscape) or as wide (portrait).
    const { width, height } = camera.size;
    const ovalHeight = Math.min(0.86 * height, (0.8 * width) / 0.75);
    Object.assign(oval.style, { height: `${(100 * ovalHeight) / height}%`, width: `${(100 * 0.75 * ovalHeight) / width}%` });
    frame.dataset.state = 'live';
  }).catch(() => {
    frame.remove();
    feedback.replaceChildren(notice('warn', t('camera_unavailable')));
    actions.replaceChildren(fallback);
  });

  function moveText(move) {
    return t(`move_${move}`) === `move_${move}` ? t('move_generic', { move }) : t(`move_${move}`);
  }

  async function run() {
    actions.replaceChildren();
    feedback.replaceChildren();
    let challenge = null;
    try {
      challenge = await state.api.challenge();
    } catch {
      feedback.replaceChildren(notice('error', t('error_generic')));
      actions.replaceChildren(button(t('retry'), () => run(), { primary: true, id: 'retry' }));
      return;
    }
    if (!challenge?.moves?.length) {
      const canvas = camera.grab();
      camera.stop();
      await check(canvas, [await toJpeg(canvas, 0.9)], null);
      return;
    }
    // Someone who cannot turn their head (or blink on request) still gets through: a still selfie, which a person reviews.
    skipped = false;
    actions.replaceChildren(button(t('challenge_skip'), () => { skipped = true; }, { id: 'challenge-skip' }));
    let frames;
    try {
      frames = await answer(challenge);
    } catch (e) {
      if (e instanceof Stopped) return;
      if (e instanceof Skipped) {
        moves.replaceChildren();
        prompt.textContent = '';
        hint.textContent = '';
        actions.replaceChildren();
        const canvas = grab();
        camera.stop();
        await check(canvas, [await toJpeg(canvas, 0.9)], null);
        return;
      }
      const restart = e instanceof ApiError && RESTART_CODES.includes(e.code);
      hint.textContent = '';
      prompt.textContent = '';
      feedback.replaceChildren(notice(restart ? 'warn' : 'error', restart ? t('challenge_restart') : t('error_generic')));
      actions.replaceChildren(button(t('retry'), () => run(), { primary: true, id: 'retry' }));
      return;
    }
    camera.stop();
    actions.replaceChildren();
    prompt.textContent = t('move_done');
    await upload(frames, challenge.id);
  }

  /** The frontal reference, then each move in order: the frames the server saw them in. */
  async function answer(challenge) {
    const steps = ['neutral', ...challenge.moves];
    const items = steps.map((move) => h('li', { 'data-move': move, 'data-state': 'pending' },
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ARROWS[move] ?? '•'), ' ', moveText(move),
      h('span', { class: 'sr-only state' }, '')));
    moves.replaceChildren(...items);
    const kept = [];
    let referenceYaw = 0;
    let guided = true;
    for (let step = 0; step < steps.length; step++) {
      items.forEach((item, i) => mark(item, i < step ? 'done' : i === step ? 'current' : 'pending'));
      prompt.replaceChildren(h('span', { class: 'arrow', 'aria-hidden': 'true' }, ARROWS[steps[step]] ?? ''), ' ', moveText(steps[step]));
      hint.textContent = '';
      if (guided) {
        try {
          const seen = await catchPose(challenge.id, step, referenceYaw);
          if (step === 0) referenceYaw = seen.check.yaw;
          kept.push(seen.blob);
          hint.textContent = t('pose_seen');
          await wait(SEEN_PAUSE_MS);
          continue;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'pose_check_unavailable')) throw e;
          guided = false;
        }
      }
      // No pose check on this server: give the customer time for the move and take the frame then.
      await wait(MOVE_SETTLE_MS);
      if (skipped) throw new Skipped();
      kept.push(await toJpeg(grab(), FRAME_QUALITY));
    }
    items.forEach((item) => mark(item, 'done'));
    return kept;
  }

  function mark(item, value) {
    item.dataset.state = value;
    if (value === 'current') item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    item.querySelector('.state').textContent = value === 'done' ? ` (${t('challenge_move_done')})` : '';
    // A move seen shows a tick instead of its arrow, so the list reads as progress at a glance.
    item.querySelector('.arrow').textContent = value === 'done' ? '✓' : ARROWS[item.dataset.move] ?? '•';
  }

  /** Samples frames until the server sees the step's pose; shows its hint when it changes. */
  async function catchPose(challengeId, step, referenceYaw) {
    let shown = null;
    for (;;) {
      if (!camera.stream) throw new Stopped();
      if (skipped) throw new Skipped();
      const blob = await toJpeg(grab(), FRAME_QUALITY);
      const check = await state.api.poseCheck(challengeId, step, referenceYaw, blob);
      if (check.matched) return { blob, check };
      if (check.hint !== shown) {
        shown = check.hint;
        hint.textContent = t(`pose_${check.hint}`) === `pose_${check.hint}` ? '' : t(`pose_${check.hint}`);
      }
      await wait(SAMPLE_GAP_MS);
    }
  }

  function grab() {
    const full = camera.grab();
    const scale = Math.min(1, FRAME_MAX_SIDE / Math.max(full.width, full.height));
    if (scale === 1) return full;
    const small = document.createElement('canvas');
    small.width = Math.round(full.width * scale);
    small.height = Math.round(full.height * scale);
    small.getContext('2d').drawImage(full, 0, 0, small.width, small.height);
    return small;
  }

  async function check(canvas, blobs, challengeId) {
    const { problems } = assess(canvas, { document: false });
    if (problems.length) {
      feedback.replaceChildren(notice('warn', h('ul', {}, problems.map((p) => h('li', {}, t(`problem_${p}`))))));
      actions.replaceChildren(
        button(t('retake'), () => selfieStep(state, next), { primary: true, id: 'retake' }),
        button(t('use_anyway'), () => upload(blobs, challengeId), { id: 'use-anyway' }));
      announce(t('problems_found'));
      return;
    }
    await upload(blobs, challengeId);
  }

  async function upload(blobs, challengeId) {
    hint.textContent = '';
    feedback.replaceChildren(notice('info', t('uploading')));
    actions.replaceChildren();
    try {
      await state.api.uploadSelfie(blobs, challengeId);
    } catch (e) {
      feedback.replaceChildren(notice('error', t('upload_failed'), ' ', e.message));
      actions.replaceChildren(button(t('retake'), () => selfieStep(state, next), { primary: true, id: 'retake' }));
      return;
    }
    announce(t('selfie_ok'));
    next();
  }
}
