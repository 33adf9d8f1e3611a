// The live camera: getUserMedia with the rear camera for documents and the front one for the selfie.

export async function hasCamera() {
  if (!navigator.mediaDevices?.getUserMedia || !navigator.mediaDevices.enumerateDevices) return false;
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}

/** True on a touch-first device (a phone or tablet): no hand-off to offer. */
export function isHandheld() {
  return window.matchMedia('(pointer: coarse)').matches;
}

export class Camera {
  constructor(video) {
    this.video = video;
    this.stream = null;
  }

  async start(facing) {
    this.stop();
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } },
    });
    this.video.srcObject = this.stream;
    this.video.muted = true;
    this.video.playsInline = true;
    await this.video.play();
    if (!this.video.videoWidth) await new Promise((resolve) => this.video.addEventListener('loadedmetadata', resolve, { once: true }));
  }

  /** The current frame, cropped to a rectangle given as shares of the frame (x, y, width, height). */
  grab(crop = { x: 0, y: 0, width: 1, height: 1 }) {
    const { videoWidth: w, videoHeight: h } = this.video;
    const sx = Math.round(crop.x * w), sy = Math.round(crop.y * h);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(crop.width * w);
    canvas.height = Math.round(crop.height * h);
    canvas.getContext('2d').drawImage(this.video, sx, sy, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
    return canvas;
  }

  get size() { return { width: this.video.videoWidth, height: this.video.videoHeight }; }

  stop() {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.video.srcObject = null;
  }
}

export function toJpeg(canvas, quality = 0.92) {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality));
}

/** A picked file drawn onto a canvas (EXIF orientation applied by the browser), for the same checks as a camera frame. */
export async function fileToCanvas(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas;
}
