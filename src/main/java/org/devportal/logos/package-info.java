/**
 * Client logos: upload, crop, processing, storage and serving. The server trusts nothing the browser says about
 * an upload: it detects the type from the bytes, reads the size from the header before decoding, applies the
 * crop box to the original and writes clean PNGs of its own at fixed sizes, addressed by their content hash.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Logos",
        allowedDependencies = {"base", "clients", "clients :: ui"})
package org.devportal.logos;
