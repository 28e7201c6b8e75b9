using Lstm.WebApi;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using Microsoft.ML;

// Serves an Lstm.MLNet sentiment model over HTTP; see README.md. One model is loaded at startup and shared by all
// requests: single texts borrow a PredictionEngine from a pool, batches run one Transform of the model.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.Configure<ModelOptions>(builder.Configuration.GetSection(ModelOptions.SectionName));

// Singletons made by factories are disposed by the container when the app stops, in reverse order of creation: the
// pool (and the engines it holds) first, then the model they score with.
builder.Services.AddSingleton(services => SentimentModel.Load(ModelLocation.Resolve(
    services.GetRequiredService<IOptions<ModelOptions>>().Value.Path,
    services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
builder.Services.AddSingleton<PredictionEnginePolicy>();
builder.Services.AddSingleton(services =>
{
    int size = services.GetRequiredService<IOptions<ModelOptions>>().Value.PoolSize;
    var provider = new DefaultObjectPoolProvider();
    if (size > 0) provider.MaximumRetained = size;
    return provider.Create(services.GetRequiredService<PredictionEnginePolicy>());
});
builder.Services.AddSingleton<SentimentScorer>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// Load the model now, so that a bad Model:Path stops the app at startup with a message naming the path, instead of
// failing the first request.
var model = app.Services.GetRequiredService<SentimentModel>();
app.Services.GetRequiredService<SentimentScorer>();
app.Logger.LogInformation("Serving {File} ({Network}) from {Path}", Path.GetFileName(model.Path), model.Metadata?.Network.Describe() ?? "network not recorded", model.Path);

app.MapSentimentEndpoints();
app.Run();

/// <summary>The app's entry point, public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
