/**
 * <logo-cropper>: crops an image to a square in the browser with Cropper.js. It never re-encodes the image:
 * it reports the crop box (x, y and size in the image's own pixels) and the server applies it to the original.
 * Drag or use the arrow keys (Shift for bigger steps) to move, the wheel, the slider or +/- to zoom, 0 to reset.
 * The previews show the logo at 128 and 32 pixels on a light and a dark background.
 * Cropper.js is loaded the first time an image is to be cropped, not with the portal's pages: few visits crop a logo.
 */
import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import '@vaadin/button';

// Cropper.js comes in a chunk of its own, loaded on first use. Its type is taken from the loader because Vaadin's
// bundle scan reads every "import ... from" line as a module the page needs and would load it with every page.
const loadCropper = () => import('cropperjs');
type Cropper = InstanceType<Awaited<ReturnType<typeof loadCropper>>['default']>;

@customElement('logo-cropper')
export class LogoCropper extends LitElement {
  /** Address of the image to crop, served by the portal from the upload. */
  @property({ type: String }) src = '';

  @query('img.source') private image!: HTMLImageElement;

  private cropper?: Cropper;

  // Light DOM, so that Cropper.js's global stylesheet applies.
  protected createRenderRoot() {
    return this;
  }


  render() {
    return html`
      <style>
        logo-cropper { display: block; }
        logo-cropper .area { height: 360px; background: var(--lumo-contrast-5pct); }
        logo-cropper .area img { display: block; max-width: 100%; }
        logo-cropper .controls {
          display: flex; gap: var(--lumo-space-m); align-items: center; margin: var(--lumo-space-s) 0;
          color: var(--lumo-secondary-text-color); font-family: var(--lumo-font-family); font-size: var(--lumo-font-size-s);
        }
        logo-cropper .controls label { display: flex; gap: var(--lumo-space-s); align-items: center; flex: 1; }
        logo-cropper .zoom { flex: 1; accent-color: var(--lumo-primary-color); cursor: pointer; margin: 0; }
        logo-cropper .zoom:focus-visible { outline: 2px solid var(--lumo-primary-color-50pct); outline-offset: 2px; }
        logo-cropper .previews { display: flex; gap: var(--lumo-space-m); align-items: flex-end; }
        logo-cropper .preview { overflow: hidden; border-radius: 4px; }
        logo-cropper .light { background: #ffffff; border: 1px solid #ddd; padding: 6px; }
        logo-cropper .dark { background: #1e1e1e; padding: 6px; }
        logo-cropper .p128 { width: 128px; height: 128px; }
        logo-cropper .p32 { width: 32px; height: 32px; }
      </style>
      <div class="area" tabindex="0" @keydown=${this.onKey} aria-label="Crop area: arrow keys move, plus and minus zoom">
        <img class="source" alt="Logo to crop" src=${this.src} @load=${this.start} />
      </div>
      <div class="controls">
        <label>Zoom <input class="zoom" type="range" min="0" max="1" step="any" value="0" aria-label="Zoom" @input=${this.onZoom} /></label>
        <vaadin-button class="reset" theme="tertiary small" @click=${() => this.reset()}>Reset</vaadin-button>
      </div>
      <div class="previews">
        <div class="light"><div class="preview p128"></div></div>
        <div class="dark"><div class="preview p128"></div></div>
        <div class="light"><div class="preview p32"></div></div>
        <div class="dark"><div class="preview p32"></div></div>
      </div>
    `;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.cropper?.destroy();
    this.cropper = undefined;
  }

  /** Sets the crop box, in image pixels; used by tests and to restore a previous choice. */
  setCrop(x: number, y: number, size: number) {
    this.cropper?.setData({ x, y, width: size, height: size, rotate: 0, scaleX: 1, scaleY: 1 });
  }

  private async start() {
    const image = this.image;
    const { default: CropperClass } = await loadCropper();
    // The dialog may have closed, or another image loaded, while Cropper.js was on its way.
    if (!this.isConnected || image !== this.image || !image.complete) {
      return;
    }
    this.cropper?.destroy();
    this.cropper = new CropperClass(image, {
      aspectRatio: 1,
      viewMode: 1,
      autoCropArea: 1,
      background: false,
      preview: this.querySelectorAll<HTMLElement>('.preview') as unknown as HTMLElement[],
      crop: () => this.report(),
      ready: () => {
        // The slider spans from a quarter of the fitted size to eight times it, starting where Cropper.js starts.
        this.fitRatio = this.cropper ? this.ratio() : 1;
        this.report();
        this.showZoom(this.fitRatio);
      },
      // Every zoom (wheel, keys, pinch, slider) moves the slider to the ratio Cropper.js will show.
      zoom: (event) => this.showZoom(event.detail.ratio),
    });
  }

  private fitRatio = 1;

  /** The displayed size of the image over its natural size: Cropper.js's zoom ratio. */
  private ratio() {
    const canvas = this.cropper!.getCanvasData();
    return canvas.width / canvas.naturalWidth;
  }

  /** The slider works on a log scale from fit/4 (0) to fit×8 (1), so each step zooms by the same factor. */
  private static readonly MIN_FACTOR = 0.25;
  private static readonly MAX_FACTOR = 8;

  private showZoom(ratio: number) {
    const slider = this.querySelector<HTMLInputElement>('input.zoom');
    if (!slider || !(ratio > 0)) {
      return;
    }
    const min = Math.log(this.fitRatio * LogoCropper.MIN_FACTOR);
    const max = Math.log(this.fitRatio * LogoCropper.MAX_FACTOR);
    slider.value = String(Math.min(1, Math.max(0, (Math.log(ratio) - min) / (max - min))));
  }

  private report() {
    if (!this.cropper) {
      return;
    }
    const data = this.cropper.getData(true);
    const size = Math.min(data.width, data.height);
    this.dispatchEvent(new CustomEvent('crop-changed', { detail: { x: data.x, y: data.y, size } }));
  }

  /** Back to the fitted image and the centred crop; Cropper.js fires no zoom event for that, so move the slider. */
  private reset() {
    if (this.cropper) {
      this.cropper.reset();
      this.showZoom(this.ratio());
    }
  }

  private onZoom(event: Event) {
    const position = Number((event.target as HTMLInputElement).value);
    const min = Math.log(this.fitRatio * LogoCropper.MIN_FACTOR);
    const max = Math.log(this.fitRatio * LogoCropper.MAX_FACTOR);
    this.cropper?.zoomTo(Math.exp(min + position * (max - min)));
  }

  private onKey(event: KeyboardEvent) {
    if (!this.cropper) {
      return;
    }
    const step = event.shiftKey ? 10 : 1;
    const box = this.cropper.getCropBoxData();
    switch (event.key) {
      case 'ArrowLeft': this.cropper.setCropBoxData({ left: box.left - step }); break;
      case 'ArrowRight': this.cropper.setCropBoxData({ left: box.left + step }); break;
      case 'ArrowUp': this.cropper.setCropBoxData({ top: box.top - step }); break;
      case 'ArrowDown': this.cropper.setCropBoxData({ top: box.top + step }); break;
      case '+': case '=': this.cropper.zoom(0.1); break;
      case '-': this.cropper.zoom(-0.1); break;
      case '0': this.reset(); break;
      default: return;
    }
    event.preventDefault();
  }
}
