// The writer moved to src (the USE graph is built from it at load time); scripts keep this path.
export * from "../../src/embed/internal/use-onnx/onnx-proto.ts";
