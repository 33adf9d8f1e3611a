// The selfie: the active liveness challenge when the server offers one (moves prompted one by one, a neutral frame
// then two frames per move, uploaded together), else one passive selfie.

import { assess } from './quality.js';
import { Camera, fileToCanvas, toJpeg } from './camera.js';
import { announce, button, filePicker, h, notice, screen, t } from './ui.js';

const FRAMES_PER_MOVE = 2;
const MOVE_SETTLE_MS = 1400;
const FRAME_GAP_MS = 300;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function selfieStep(state, next) {
  const video = h('video', { class: 'preview mirrored', 'aria-label': t('camera_preview_selfie'), playsinline: true, muted: true });
  const oval = h('div', { class: 'oval', 'aria-hidden': 'true' });
  const frame = h('div', { class: 'viewfinder' }, video, oval);
  const prompt = h('p', { class: 'prompt', id: 'selfie-prompt', 'aria-live': 'assertive' });
  const feedback = h('div', { id: 'feedback' });
  const actions = h('div', { class: 'actions' });
  const camera = new Camera(video);
  state.stopCamera = () => camera.stop();

  const fallback = filePicker(t('selfie_upload_file'), async (file) => {
    camera.stop();
    const canvas = await fileToCanvas(file);
    await check(canvas, [file], null);
  }, { id: 'selfie-file', capture: 'user' });

  screen(t('selfie_title'), h('p', { class: 'lead' }, t('selfie_hint')), frame, prompt, feedback, actions);
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

  async function run() {
    actions.replaceChildren();
    let challenge = null;
    try {
      challenge = await state.api.challenge();
    } catch (e) {
      feedback.replaceChildren(notice('error', t('error_generic')));
      actions.replaceChildren(button(t('retry'), () => run(), { primary: true }));
      return;
    }
    const frames = [];
    if (challenge?.moves?.length) {
      prompt.textContent = t('move_neutral');
      await wait(MOVE_SETTLE_MS);
      frames.push(camera.grab());
      for (const move of challenge.moves) {
        prompt.textContent = t(`move_${move}`) === `move_${move}` ? t('move_generic', { move }) : t(`move_${move}`);
        await wait(MOVE_SETTLE_MS);
        for (let i = 0; i < FRAMES_PER_MOVE; i++) {
          frames.push(camera.grab());
          await wait(FRAME_GAP_MS);
        }
      }
      prompt.textContent = t('move_done');
    } else {
      frames.push(camera.grab());
    }
    camera.stop();
    const blobs = await Promise.all(frames.map((canvas) => toJpeg(canvas, 0.9)));
    await check(frames[0], blobs, challenge?.id ?? null);
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
    prompt.textContent = '';
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
