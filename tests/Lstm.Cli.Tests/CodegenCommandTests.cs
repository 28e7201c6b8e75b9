using Lstm.Cli.Codegen;

namespace Lstm.Cli.Tests;

/// <summary>
/// <c>lstm codegen</c> and the project <c>lstm train</c> writes beside a run. Building and running a generated project
/// needs the packed packages: <c>tools/package-check.sh</c> (CI) does that and compares its predictions with
/// <c>lstm predict</c>'s.
/// </summary>
public sealed class CodegenCommandTests
{
    private static string Train(TempFolder temp)
    {
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs: 1));
        Assert.True(train.ExitCode == 0, train.ToString());
        return run;
    }

    [Fact]
    public void Codegen_WritesTheModelBuilderStyleProject_WithTheRunsSettings()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string project = temp.File("generated");
        var result = LstmRunner.Run("codegen", "--model", run, "--out", project, "--name", "ReviewModel", "--package-source", temp.File("feed"));
        Assert.True(result.ExitCode == 0, result.ToString());

        foreach (string file in new[] { "ReviewModel.csproj", "ReviewModel.onnx", "ReviewModel.consumption.cs", "ReviewModel.training.cs", "Program.cs", "nuget.config" })
            Assert.True(File.Exists(Path.Combine(project, file)), $"{file} missing; output: {result.Output}");
        Assert.Equal(File.ReadAllBytes(Path.Combine(run, "model.onnx")), File.ReadAllBytes(Path.Combine(project, "ReviewModel.onnx")));
        string csproj = File.ReadAllText(Path.Combine(project, "ReviewModel.csproj"));
        Assert.Contains($"<PackageReference Include=\"Lstm.MLNet\" Version=\"{ConsumptionProject.PackageVersion}\" />", csproj);
        Assert.DoesNotContain("ProjectReference", csproj);
        string consumption = File.ReadAllText(Path.Combine(project, "ReviewModel.consumption.cs"));
        Assert.Contains("public sealed class ModelInput", consumption);
        Assert.Contains("[ColumnName(\"Probability\")]", consumption);
        Assert.Contains("OwnsTransformer = false", consumption);
        Assert.Contains("public static ModelOutput Predict(ModelInput input)", consumption);
        string training = File.ReadAllText(Path.Combine(project, "ReviewModel.training.cs"));
        var manifest = Lstm.Cli.Runs.TrainingManifest.Load(Path.Combine(run, "training.json"));
        Assert.Contains($"Epochs = {manifest.Training.Epochs},", training);
        Assert.Contains($"MaxLength = {manifest.Preprocessing.MaxLen},", training);
        Assert.Contains($"Units = {manifest.Model.Units},", training);
        Assert.Contains("mlContext.BinaryClassification.Trainers.Lstm(options)", training);
        Assert.Contains(Path.GetFullPath(temp.File("feed")), File.ReadAllText(Path.Combine(project, "nuget.config")));
    }

    [Fact]
    public void Train_WritesTheProjectIntoTheRunFolder_AndCodegenRefusesAFolderHoldingOtherFiles()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string written = Path.Combine(run, ConsumptionProjectWriter.RunSubfolder);
        Assert.True(File.Exists(Path.Combine(written, "RunModel.consumption.cs")), string.Join(", ", Directory.Exists(written) ? Directory.GetFiles(written) : []));
        Assert.Empty(Directory.GetFiles(written, "*.tmp"));

        string busy = temp.File("busy");
        Directory.CreateDirectory(busy);
        File.WriteAllText(Path.Combine(busy, "notes.txt"), "mine");
        var refused = LstmRunner.Run("codegen", "--model", run, "--out", busy);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("already holds other files (notes.txt)", refused.Error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(busy, "notes.txt")));

        var badName = LstmRunner.Run("codegen", "--model", run, "--out", temp.File("x"), "--name", "2fast");
        Assert.NotEqual(0, badName.ExitCode);
        Assert.Contains("--name '2fast' is not a C# identifier", badName.Error);
    }

    [Fact]
    public void Codegen_FromAnOnnxFile_SaysTheFileDoesNotRecordTheTrainingSettings()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string project = temp.File("from-onnx");
        var result = LstmRunner.Run("codegen", "--model", Path.Combine(run, "model.onnx"), "--out", project);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(project, "RunModel.csproj")), result.Output);
        Assert.Contains("does not record how it was trained", File.ReadAllText(Path.Combine(project, "RunModel.training.cs")));
        Assert.False(File.Exists(Path.Combine(project, "nuget.config")));
    }
}
