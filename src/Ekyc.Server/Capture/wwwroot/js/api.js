// The public API, called with the session's client token (never a secret key).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || null;
  }
}

export class Api {
  constructor(sessionId, token) {
    this.base = `../v1/sessions/${encodeURIComponent(sessionId)}`;
    this.token = token;
    this.etag = null;
    this.session = null;
  }

  async request(path, { method = 'GET', body, headers = {} } = {}) {
    const response = await fetch(this.base + path, {
      method,
      body,
      headers: { Authorization: `Bearer ${this.token}`, ...headers },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok && response.status !== 304) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not problem+json */ }
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  async json(path, options) {
    return (await this.request(path, options)).json();
  }

  settings() { return this.json('/capture'); }

  /** The session; polls cheaply with If-None-Match, returning the last body on 304. */
  async poll() {
    const response = await this.request('', { headers: this.etag ? { 'If-None-Match': this.etag } : {} });
    if (response.status === 304 && this.session) return this.session;
    this.etag = response.headers.get('ETag');
    this.session = await response.json();
    return this.session;
  }

  async uploadDocument(blob, type, side) {
    const form = new FormData();
    form.append('side', side);
    form.append('type', type);
    form.append('file', blob, `${side}.jpg`);
    return this.json('/documents', { method: 'POST', body: form, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  }

  precheck(documentId) { return this.json(`/documents/${encodeURIComponent(documentId)}/precheck`); }

  /** Creates an active-liveness challenge, or returns null when this server has none (404/405). */
  async challenge() {
    try {
      return await this.json('/liveness-challenge', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() } });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
      throw e;
    }
  }

  /** What pose a live frame shows for a step of the challenge (0: the frontal reference; k: the k-th move). */
  poseCheck(challengeId, step, referenceYaw, blob) {
    const query = new URLSearchParams({ step: String(step), reference_yaw: String(referenceYaw) });
    return this.json(`/liveness-challenge/${encodeURIComponent(challengeId)}/pose?${query}`,
      { method: 'POST', body: blob, headers: { 'Content-Type': 'image/jpeg' } });
  }

  async uploadSelfie(frames, challengeId) {
    const form = new FormData();
    if (challengeId) form.append('challenge_id', challengeId);
    frames.forEach((blob, i) => form.append('file', blob, `frame${i}.jpg`));
    return this.json('/selfie', { method: 'POST', body: form, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  }

  submit(idempotencyKey) {
    return this.json('/submit', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } });
  }

  async qrCode() {
    return (await this.request('/capture/qr.svg')).blob();
  }
}
