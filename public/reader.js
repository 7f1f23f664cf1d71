// e-Cabinet document reader: shows one page of a PDF at a time with pdf.js.
//
// The server renders the markup (a <section id="reader"> with a toolbar, a status line and a
// stage holding a canvas and a watermark); this module adds the behaviour. Settings come from
// the section's data-* attributes. pdf.js is loaded from our own origin and reads the PDF in
// 64 KiB byte ranges, so the first page of a long document shows without downloading it all.
// Everything here runs under a strict CSP: no eval, no blob: workers, no HTML strings.

const ZOOM_MIN = 0.5;
const ZOOM_MAX = 3;
const ZOOM_STEP = 0.25;
const SWIPE_MIN_PX = 60;
const RESIZE_DELAY_MS = 150;
const WATERMARK_LINES = 12;
const CHUNK_BYTES = 65536; // PDF bytes per range request
// Largest canvas we draw into (iOS Safari refuses bigger ones); past it we lower the backing
// resolution, not the page's size on screen.
const MAX_CANVAS_PIXELS = 16_777_216;

// Starts a reader on its section as soon as the section is in the page; returns a function
// that stops it. `hydrated` resolves once the app has hydrated the section.
//
// Until then the reader changes nothing hydration walks (the server's markup must be found as
// rendered): it only loads, and draws the first page into the canvas with the watermark (the
// canvas's picture and size, the watermark's lines and the section's data-* state). So pdf.js
// and the document download beside the app's bundle, and the page shows before the app has
// started. The status line, the controls and the address follow once hydrated.
function init(reader, hydrated) {
  reader.dataset.ready = "true";

  const data = reader.dataset;
  const $ = (name) => reader.querySelector(`#reader-${name}`);
  const [canvas, stage, status, pageInput] = ["canvas", "stage", "status", "page"].map($);
  const [prev, next, zoomIn, zoomOut] = ["prev", "next", "zoom-in", "zoom-out"].map($);
  const watermark = stage.querySelector(".reader-watermark");
  const buffer = document.createElement("canvas"); // pages are drawn here, then copied

  let pdf = null; // the loaded document
  let pageNumber = Math.max(1, parseInt(data.startPage, 10) || 1);
  let zoom = 1; // 1 = the page fills the stage's width
  let renderTask = null; // the pdf.js render in flight
  let renderSeq = 0; // bumped per render request: only the latest one draws
  let renderedWidth = 0; // stage width of the last render, to ignore height-only resizes
  let recordedPage = 0; // last page reported to the server
  let stopped = false; // the section left the document
  // pdf.js's worker, started at once: its script (the largest part of pdf.js) downloads while
  // the rest loads. `port` is pdf.js's handle on it.
  const worker = new Worker(data.worker, { type: "module" });
  let port = null;

  // Runs `f` once the section is hydrated (soon after, if it already is).
  const afterHydration = (f) => hydrated.then(() => stopped || f());

  // ---- Loading ----

  async function load() {
    afterHydration(() => {
      if (!data.state) status.textContent = data.loading;
    });
    try {
      const [pdfjs, first] = await Promise.all([import(data.lib), fetchRange(0, CHUNK_BYTES)]);
      port = new pdfjs.PDFWorker({ port: worker });
      const loaded = await open(pdfjs, first);
      if (stopped) return loaded.destroy();
      pdf = loaded;
      pageNumber = Math.min(pageNumber, pdf.numPages);
      await render();
    } catch (error) {
      fail(error);
    }
  }

  // Opens the PDF with range requests only, from its `first` chunk. Given just a URL, pdf.js
  // would first start a download of the whole file and abort it once it sees the server takes
  // ranges, wasting whatever was in flight; asking for the first chunk ourselves tells it the
  // size up front.
  async function open(pdfjs, first) {
    const options = {
      isEvalSupported: false,
      disableAutoFetch: true,
      disableStream: true,
      worker: port,
    };
    if (first.bytes.length >= first.size) {
      // A small file (or a server that ignored the range) came whole.
      return pdfjs.getDocument({ ...options, data: first.bytes }).promise;
    }
    const transport = new pdfjs.PDFDataRangeTransport(first.size, first.bytes);
    transport.requestDataRange = (begin, end) =>
      fetchRange(begin, end)
        .then(({ bytes, size }) => {
          if (size !== first.size) throw new Error(`${data.src} changed while being read`);
          transport.onDataRange(begin, bytes);
        })
        .catch(fail);
    return pdfjs.getDocument({ ...options, range: transport, rangeChunkSize: CHUNK_BYTES }).promise;
  }

  // Bytes [begin, end) of the PDF, and the file's size (from Content-Range).
  async function fetchRange(begin, end) {
    const headers = { Range: `bytes=${begin}-${end - 1}` };
    const response = await fetch(data.src, { headers, credentials: "same-origin" });
    if (!response.ok) throw new Error(`${data.src}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const range = response.status === 206 && response.headers.get("Content-Range");
    return { bytes, size: range ? Number(range.split("/")[1]) : bytes.length };
  }

  function fail(error) {
    if (stopped) return;
    console.error("reader:", error);
    data.state = "failed";
    afterHydration(() => (status.textContent = data.failed));
  }

  // ---- Rendering ----

  async function render() {
    const seq = ++renderSeq;
    renderTask?.cancel();
    renderTask = null;
    try {
      await draw(pageNumber, seq);
    } catch (error) {
      if (error?.name !== "RenderingCancelledException") fail(error);
    }
  }

  // Draws page n at the stage's width × zoom, sharp on high-density screens. The visible
  // canvas keeps its old picture until the new one is complete: no blank flashes.
  async function draw(n, seq) {
    const page = await pdf.getPage(n);
    if (seq !== renderSeq) return;
    renderedWidth = stage.clientWidth;
    const width = renderedWidth - 2 * parseFloat(getComputedStyle(stage).paddingLeft);
    const unscaled = page.getViewport({ scale: 1 });
    const scale = (Math.max(width, 100) / unscaled.width) * zoom;
    const cssWidth = Math.floor(unscaled.width * scale);
    const cssHeight = Math.floor(unscaled.height * scale);
    const fitting = Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
    const density = Math.min(window.devicePixelRatio || 1, fitting);
    buffer.width = Math.floor(cssWidth * density);
    buffer.height = Math.floor(cssHeight * density);
    renderTask = page.render({
      canvasContext: buffer.getContext("2d"),
      viewport: page.getViewport({ scale: scale * density }),
    });
    await renderTask.promise;
    if (seq !== renderSeq) return;
    renderTask = null;

    canvas.width = buffer.width;
    canvas.height = buffer.height;
    canvas.getContext("2d").drawImage(buffer, 0, 0);
    buffer.width = buffer.height = 0; // free the off-screen copy's memory
    for (const element of [canvas, watermark]) {
      element.style.width = `${cssWidth}px`;
      element.style.height = `${cssHeight}px`;
      element.style.transform = ""; // ends a pinch's preview
    }
    shown(n);
  }

  // Everything that follows a page appearing on screen (the controls, the address and the
  // app once hydrated).
  function shown(n) {
    const count = pdf.numPages;
    canvas.setAttribute("aria-label", `${data.pageLabel} ${n} / ${count}`);
    Object.assign(data, { page: n, pages: count, state: "shown" });
    afterHydration(() => {
      if (n !== pageNumber) return; // another page was asked for meanwhile
      pageInput.value = n;
      pageInput.max = count;
      $("count").textContent = count;
      status.textContent = "";
      updateButtons();
      const url = new URL(location.href);
      url.searchParams.set("page", n);
      history.replaceState(history.state, "", url);
      const detail = { page: n, pages: count };
      reader.dispatchEvent(new CustomEvent("reader-page", { detail, bubbles: true }));
      if (n !== recordedPage) record(n);
    });
  }

  // Tells the server which page was read (fire and forget).
  function record(n) {
    recordedPage = n;
    const warn = (why) => console.warn("reader: page view not recorded:", why);
    fetch(data.progress, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ document_id: data.document, version_id: data.version, page: n }),
      credentials: "same-origin",
    }).then((response) => response.ok || warn(response.status), warn);
  }

  function updateButtons() {
    prev.disabled = !pdf || pageNumber <= 1;
    next.disabled = !pdf || pageNumber >= pdf.numPages;
    zoomOut.disabled = zoom <= ZOOM_MIN;
    zoomIn.disabled = zoom >= ZOOM_MAX;
    $("zoom").textContent = `${Math.round(zoom * 100)}%`;
    stage.classList.toggle("zoomed", zoom > 1); // the CSS then lets one finger pan sideways
  }

  // ---- Navigation and zoom: buttons, the page form, keys ----

  function goTo(n) {
    if (!pdf) return;
    pageNumber = Math.min(Math.max(1, n), pdf.numPages);
    pageInput.value = pageNumber;
    updateButtons();
    render();
  }

  function setZoom(z) {
    zoom = Math.min(Math.max(ZOOM_MIN, Math.round(z * 100) / 100), ZOOM_MAX);
    updateButtons();
    if (pdf) render();
  }

  // The controls work once the section is hydrated.
  const listening = new AbortController(); // for the one listener outside the section
  afterHydration(() => {
    controls();
    updateButtons();
  });
  function controls() {
    prev.addEventListener("click", () => goTo(pageNumber - 1));
    next.addEventListener("click", () => goTo(pageNumber + 1));
    const jump = $("jump");
    jump.noValidate = true; // out-of-range numbers are clamped, not refused
    jump.addEventListener("submit", (event) => {
      event.preventDefault();
      const n = parseInt(pageInput.value, 10);
      if (Number.isNaN(n)) pageInput.value = pageNumber;
      else goTo(n);
    });
    // The buttons step along the 25% grid even after a pinch left the zoom in between.
    const steps = () => zoom / ZOOM_STEP;
    zoomIn.addEventListener("click", () => setZoom((Math.floor(steps() + 1e-6) + 1) * ZOOM_STEP));
    zoomOut.addEventListener("click", () => setZoom((Math.ceil(steps() - 1e-6) - 1) * ZOOM_STEP));
    $("fit").addEventListener("click", () => setZoom(1));

    const keys = { ArrowLeft: -1, PageUp: -1, ArrowRight: 1, PageDown: 1 };
    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !pdf) return;
      if (event.target !== document.body && !stage.contains(event.target)) return;
      if (event.key in keys) goTo(pageNumber + keys[event.key]);
      else if (event.key === "Home") goTo(1);
      else if (event.key === "End") goTo(pdf.numPages);
      else return;
      event.preventDefault();
    }, { signal: listening.signal });

    // ---- Touch: swipe between pages, pinch to zoom ----

    const pointers = new Map(); // pointerId -> { x, y } of each finger on the stage
    let gesture = null; // { from: { x, y } } for a swipe, { spread, scale } for a pinch
    const spread = () => {
      const [a, b] = pointers.values();
      return Math.hypot(a.x - b.x, a.y - b.y);
    };

    stage.addEventListener("pointerdown", (event) => {
      if (event.pointerType === "mouse") return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 1) gesture = { from: pointers.get(event.pointerId) };
      if (pointers.size !== 2) return;
      // Preview a pinch by scaling the picture about the point between the fingers.
      const [a, b] = pointers.values();
      const box = canvas.getBoundingClientRect();
      const origin = `${(a.x + b.x) / 2 - box.left}px ${(a.y + b.y) / 2 - box.top}px`;
      canvas.style.transformOrigin = watermark.style.transformOrigin = origin;
      gesture = { spread: spread(), scale: 1 };
    });
    stage.addEventListener("pointermove", (event) => {
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (!gesture?.spread || pointers.size !== 2) return;
      const scale = spread() / gesture.spread;
      gesture.scale = Math.min(Math.max(ZOOM_MIN / zoom, scale), ZOOM_MAX / zoom);
      canvas.style.transform = watermark.style.transform = `scale(${gesture.scale})`;
    });
    // A finger lifting, or the browser taking the touch over to scroll, ends the gesture.
    const pointerEnd = (event) => {
      if (!pointers.delete(event.pointerId) || !gesture) return;
      if (gesture.spread) {
        setZoom(zoom * gesture.scale); // the preview stays until the new zoom is drawn
      } else if (event.type === "pointerup" && zoom <= 1) {
        const dx = event.clientX - gesture.from.x;
        const dy = event.clientY - gesture.from.y;
        if (Math.abs(dx) > SWIPE_MIN_PX && Math.abs(dx) > Math.abs(dy)) {
          goTo(dx < 0 ? pageNumber + 1 : pageNumber - 1);
        }
      }
      gesture = null;
    };
    stage.addEventListener("pointerup", pointerEnd);
    stage.addEventListener("pointercancel", pointerEnd);
    // Keep the browser from scrolling while two fingers pinch.
    const pinching = (event) => event.touches.length > 1 && event.preventDefault();
    stage.addEventListener("touchmove", pinching, { passive: false });
  }

  // ---- Resizing ----

  let resizeTimer = 0;
  const resizes = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (pdf && stage.clientWidth !== renderedWidth) render();
    }, RESIZE_DELAY_MS);
  });
  resizes.observe(stage);

  // ---- Watermark: who is reading, and when ----

  const lines = Array.from({ length: WATERMARK_LINES }, () =>
    watermark.appendChild(document.createElement("span")),
  );
  // "14:05 07/12/2026", written out by hand: a page's first Intl formatter loads its locale's
  // data (55 ms of the reader's start, profiled), in the way of the first page.
  const two = (n) => String(n).padStart(2, "0");
  function stamp() {
    const now = new Date();
    const day = `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()}`;
    const text = `${data.viewer} · ${two(now.getHours())}:${two(now.getMinutes())} ${day}`;
    for (const line of lines) line.textContent = text;
  }
  stamp();
  const clock = setInterval(stamp, 60_000);

  canvas.setAttribute("role", "img");
  // pdf.js and the document load once the page has been painted (the first page's picture,
  // when there is one, is on screen first): a frame, then a task after it.
  requestAnimationFrame(() => setTimeout(() => stopped || load(), 0));

  return function stop() {
    stopped = true;
    renderSeq++; // a render in flight will not draw
    renderTask?.cancel();
    listening.abort();
    resizes.disconnect();
    clearTimeout(resizeTimer);
    clearInterval(clock);
    pdf?.destroy();
    port?.destroy();
    worker.terminate();
  };
}

// Start a reader whenever a #reader section appears: at load, when it streams in after this
// module ran, and when the app's router brings the page back without a reload (a module runs
// only once per page load). A reader whose section left the document is stopped, so it can
// neither record page views nor rewrite the address of the page that replaced it.
// The app marks the section hydrated (<section id="reader" data-hydrated>) once it has
// hydrated it; until then the reader keeps to what hydration does not walk (see `init`). (The
// page hydrates in parts: the reader after its data resolved.)
let running = null; // { reader, stop, hydrate }
function watch() {
  if (running && !running.reader.isConnected) {
    running.stop();
    running = null;
  }
  const reader = document.getElementById("reader");
  if (reader && !reader.dataset.ready) {
    let hydrate;
    const hydrated = new Promise((resolve) => (hydrate = resolve));
    running = { reader, stop: init(reader, hydrated), hydrate };
  }
  if (running?.reader.dataset.hydrated === "true") running.hydrate();
}
watch();
new MutationObserver(watch).observe(document.body, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ["data-hydrated"],
});
