using System.Globalization;

namespace Lstm.WebApi;

/// <summary>
/// What a request may hold, and the 400 answer when it holds something else. The limits keep one request from
/// holding the server for long: a text's cost grows with its length only up to the model's maximum length (500 words
/// for the shipped model), but normalising and tokenising it grow with all of it, and a batch scores every text.
/// </summary>
public static class RequestRules
{
    /// <summary>Texts per <c>/predict/batch</c> request: 1,000.</summary>
    public const int MaxTexts = 1_000;

    /// <summary>Characters per text: 100,000, some 70 times IMDB's average review and 7 times its longest.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>Errors reported per request at most: enough to show the pattern of a bad batch.</summary>
    private const int MaxErrors = 10;

    /// <summary>The problems of a <c>/predict</c> body, by field; null when it is valid.</summary>
    public static Dictionary<string, string[]>? Check(PredictRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckText(request.Text, "text", errors);
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>The problems of a <c>/predict/batch</c> body, by field (<c>texts</c>, <c>texts[3]</c>); null when it is valid.</summary>
    public static Dictionary<string, string[]>? Check(BatchPredictRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Texts is null)
            errors["texts"] = ["Required: a JSON array of the texts to score (strings; up to 1,000)."];
        else if (request.Texts.Count > MaxTexts)
            errors["texts"] = [string.Create(CultureInfo.InvariantCulture, $"{request.Texts.Count:N0} texts; the limit is {MaxTexts:N0} per request. Split the batch.")];
        else
        {
            for (int i = 0; i < request.Texts.Count && errors.Count < MaxErrors; i++)
                CheckText(request.Texts[i], $"texts[{i}]", errors);
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>400 with a ProblemDetails body whose <c>errors</c> name each bad field, and whose <c>detail</c> says it all in one line.</summary>
    public static IResult Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        title: "The request is invalid.");

    private static void CheckText(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
            errors[field] = ["Required: the text to score, a JSON string (it may be empty)."];
        else if (text.Length > MaxTextLength)
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"{text.Length:N0} characters; the limit is {MaxTextLength:N0}.")];
    }
}
