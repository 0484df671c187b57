/**
 * The tray glyph: a 32×32 PNG (a coin: gold centre, blue ring, transparent corners) inlined as a data URL so it ships
 * inside the main bundle with no asset path to resolve (packaged or not). Electron scales it for the tray.
 */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA0ElEQVR42tWXvQ2AIBBGbZnGxs5l2MDO1XQLOjdwBDsSPQwUGuTPwztNvsTC8J6C3NE0f7zaYekgEjLamPuuNtRAFGSPxDwjscE6AXyPfi0CA8wF4HvmErCArAhwFzOWyBFIgm9TfyZVAuWzO+hTXk2HXXBF4AwRGRLQGPCIhM56+1J4REL6BNSHAsongA4PSfj29k8FLrWj1vwnrwNb0arAAxIjKwHyKaBdhOS/IZeNiHYrJi9GLMoxeUPCoiVj0ZSSt+VsDiYsjmZsDqe1rgPH3PzLI3YFYQAAAABJRU5ErkJggg=='
