using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Lstm.WebApi.LoadTest;

// Closed-loop load: each client posts, waits for the answer, posts again, for --seconds after a warm-up. Reports
// requests/s, texts/s and latency percentiles of the measured part. Run the server first (see ../Lstm.WebApi/README.md).
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
using (var probe = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(10) })
{
    try
    {
        using var model = await probe.GetAsync("/model");
        model.EnsureSuccessStatusCode();
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        Console.Error.WriteLine($"Cannot reach {options.Url}model ({e.Message}). Start the server first: dotnet run --project samples/Lstm.WebApi -c Release");
        return 1;
    }
}
string[] texts = ReviewTexts.Load(options.Data, options.Texts);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Clients} clients, {options.Route} ({(options.Route == "batch" ? $"{options.BatchSize} texts per request, " : "")}{options.Texts}: {texts.Length:N0} IMDB test reviews, {texts.Average(t => t.Length):N0} characters on average), {options.Warmup:0.#} s warm-up, {options.Seconds:0.#} s measured, {options.Url}"));

long next = -1;
var clock = Stopwatch.StartNew();
double measureFrom = options.Warmup, measureTo = options.Warmup + options.Seconds;
var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
{
    using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
    var latencies = new List<double>();
    int errors = 0;
    while (clock.Elapsed.TotalSeconds < measureTo)
    {
        double start = clock.Elapsed.TotalMilliseconds;
        bool ok;
        try
        {
            HttpResponseMessage response;
            if (options.Route == "predict")
                response = await http.PostAsJsonAsync("/predict", new { text = texts[Interlocked.Increment(ref next) % texts.Length] });
            else
            {
                long first = Interlocked.Add(ref next, options.BatchSize) - options.BatchSize + 1;
                var batch = Enumerable.Range(0, options.BatchSize).Select(k => texts[(first + k) % texts.Length]).ToArray();
                response = await http.PostAsJsonAsync("/predict/batch", new { texts = batch });
            }
            using (response)
            {
                await response.Content.ReadAsByteArrayAsync();
                ok = response.IsSuccessStatusCode;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }
        double end = clock.Elapsed.TotalMilliseconds;
        if (start / 1000 < measureFrom || end / 1000 > measureTo) continue;
        if (ok) latencies.Add(end - start);
        else errors++;
    }
    return (Latencies: latencies, Errors: errors);
})));

var all = results.SelectMany(r => r.Latencies).Order().ToArray();
int failed = results.Sum(r => r.Errors);
double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)];
int perRequest = options.Route == "batch" ? options.BatchSize : 1;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{all.Length:N0} requests ({failed} failed): {all.Length / options.Seconds:N0} requests/s, {all.Length * perRequest / options.Seconds:N0} texts/s; latency median {Percentile(50):N2} ms, p90 {Percentile(90):N2} ms, p99 {Percentile(99):N2} ms, max {all.DefaultIfEmpty(double.NaN).Max():N2} ms"));
return failed == 0 ? 0 : 2;
