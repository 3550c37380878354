// Aldea admin: small enhancements. Every page works without this file.
(() => {
  document.documentElement.classList.add('js');

  // Live price preview: as the seller types a price, show what buyers pay.
  const timers = new WeakMap();
  const refresh = async (form, row) => {
    const price = row.querySelector('.price input');
    if (!price || !form.dataset.previewUrl) return;
    const target = price.dataset.previewTarget;
    const q = new URLSearchParams({ price: price.value, target });
    for (const input of row.querySelectorAll('.fixed-price input')) {
      if (input.value.trim()) q.set(`fixed.${input.dataset.currency}`, input.value);
    }
    try {
      const res = await fetch(`${form.dataset.previewUrl}?${q}`, { credentials: 'same-origin' });
      const old = document.getElementById(target);
      if (res.ok && old) old.outerHTML = await res.text();
    } catch {
      // Offline for a moment: the preview button still works.
    }
  };
  document.addEventListener('input', (e) => {
    const input = e.target;
    const form = input.closest?.('form[data-preview-url]');
    const row = input.closest?.('fieldset.variant');
    if (!form || !row || !input.closest('.price, .fixed-price')) return;
    clearTimeout(timers.get(row));
    timers.set(
      row,
      setTimeout(() => refresh(form, row), 350),
    );
  });

  // Photos: shrink to ~2048 px in the browser, then upload one by one with progress.
  const MAX_SIDE = 2048;
  const shrink = async (file) => {
    if (!window.createImageBitmap || !file.type.startsWith('image/')) return file;
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      return file; // HEIC and friends: the server explains what to do.
    }
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.type === 'image/jpeg' && file.size < 2_500_000) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.86));
    if (!blob) return file;
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' });
  };
  const send = (form, file, onProgress) =>
    new Promise((resolve) => {
      const body = new FormData();
      body.append('_csrf', form.querySelector('[name=_csrf]').value);
      body.append('photos', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => {
        let json = { problems: [] };
        try {
          json = JSON.parse(xhr.responseText);
        } catch {
          json = { problems: [xhr.statusText || String(xhr.status)] };
        }
        resolve(json);
      };
      xhr.onerror = () => resolve({ problems: ['network'] });
      xhr.send(body);
    });
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!form.classList?.contains('upload')) return;
    const input = form.querySelector('input[type=file]');
    const files = [...(input.files || [])];
    if (files.length === 0 || !window.FormData || !window.XMLHttpRequest) return;
    e.preventDefault();
    const bar = form.querySelector('progress');
    const status = form.querySelector('.upload-status');
    const problems = [];
    bar.hidden = false;
    for (let i = 0; i < files.length; i++) {
      status.textContent = form.dataset.uploading
        .replace('{n}', String(i + 1))
        .replace('{total}', String(files.length));
      const file = await shrink(files[i]);
      const result = await send(form, file, (p) => {
        bar.value = Math.round(((i + p) / files.length) * 100);
      });
      problems.push(...(result.problems || []));
    }
    bar.value = 100;
    if (problems.length === 0) {
      window.location.assign(form.dataset.done);
      return;
    }
    // Keep the refusals on screen; photos that went through show after a reload.
    status.textContent = problems.join(' ');
  });
})();
