namespace Ekyc.Server.Review.Pages;

/// <summary>Small formatting shared by the pages.</summary>
public static class Labels
{
    /// <summary>A compact age: 45 s, 12 min, 3 h 20 min, 2 d 4 h.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)age.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} h {age.Minutes} min",
        _ => $"{(int)age.TotalDays} d {age.Hours} h",
    };
}
