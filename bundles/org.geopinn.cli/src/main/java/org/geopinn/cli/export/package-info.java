/**
 * Hands a trained solution to other tools: the network as an ONNX model (float64, written with
 * a small protocol buffers writer of its own) and the fields, references and errors as VTK XML
 * ({@code .vti} on a box grid, {@code .vtu} as a point set). Used by the {@code export} command.
 */
package org.geopinn.cli.export;
