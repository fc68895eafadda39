/**
 * <logo-cropper>: crops an image to a square in the browser with Cropper.js. It never re-encodes the image:
 * it reports the crop box (x, y and size in the image's own pixels) and the server applies it to the original.
 * Drag or use the arrow keys (Shift for bigger steps) to move, the wheel, the slider or +/- to zoom, 0 to reset.
 * The previews show the logo at 128 and 32 pixels on a light and a dark background.
 */
import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import Cropper from 'cropperjs';

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
        logo-cropper .controls { display: flex; gap: var(--lumo-space-s); align-items: center; margin: var(--lumo-space-s) 0; }
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
        <label>Zoom <input class="zoom" type="range" min="0.05" max="4" step="0.01" value="1" @input=${this.onZoom} /></label>
        <button type="button" class="reset" @click=${() => this.cropper?.reset()}>Reset</button>
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

  private start() {
    this.cropper?.destroy();
    this.cropper = new Cropper(this.image, {
      aspectRatio: 1,
      viewMode: 1,
      autoCropArea: 1,
      background: false,
      preview: this.querySelectorAll<HTMLElement>('.preview') as unknown as HTMLElement[],
      crop: () => this.report(),
      ready: () => this.report(),
    });
  }

  private report() {
    if (!this.cropper) {
      return;
    }
    const data = this.cropper.getData(true);
    const size = Math.min(data.width, data.height);
    this.dispatchEvent(new CustomEvent('crop-changed', { detail: { x: data.x, y: data.y, size } }));
  }

  private onZoom(event: Event) {
    this.cropper?.zoomTo(Number((event.target as HTMLInputElement).value));
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
      case '0': this.cropper.reset(); break;
      default: return;
    }
    event.preventDefault();
  }
}
