/// <summary>
/// What one artefact predicted for each of <see cref="FixtureWriter.Texts"/>: <see cref="Outputs"/> values per text,
/// row-major (one for the binary models, one per class for the multi-class ones).
/// </summary>
/// <param name="Key">Its name in expected.json: "model.lstm", "family/model.onnx@onnxruntime", ….</param>
/// <param name="File">The file, relative to the fixture folder.</param>
/// <param name="How">The code path that computed the values.</param>
/// <param name="BitExact">True for the C# paths, which give the same bits on every machine; false for ONNX Runtime's.</param>
/// <param name="Outputs">Values per text.</param>
/// <param name="Logits">The raw outputs (ML.NET: the binary Score); null when the path gives none (the multi-class zip's Score is its probabilities).</param>
/// <param name="Probabilities">The probabilities (sigmoid, or softmax over the classes).</param>
internal sealed record Artefact(string Key, string File, string How, bool BitExact, int Outputs, float[]? Logits, float[] Probabilities);
