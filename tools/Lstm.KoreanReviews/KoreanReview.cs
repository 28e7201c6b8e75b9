namespace Lstm.KoreanReviews;

/// <summary>One row of <c>naver_movie_reviews_ko.tsv.gz</c>.</summary>
/// <param name="Rating">The 1-10 rating.</param>
/// <param name="MovieId">The movie's id, as written.</param>
/// <param name="Text">The review.</param>
public sealed record KoreanReview(int Rating, string MovieId, string Text)
{
    /// <summary>NSMC's sentiment: true for 9-10, false for 1-4, null for 5-8 (dropped).</summary>
    public bool? Sentiment => Rating switch
    {
        >= 9 => true,
        <= 4 => false,
        _ => null,
    };
}
