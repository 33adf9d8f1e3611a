namespace Ekyc.Verification.Screening.Model;

/// <summary>FollowTheMoney topic names used to tell sanctions from PEPs.</summary>
public static class EntityTopics
{
    public const string Sanction = "sanction";
    public const string Pep = "role.pep";
    public const string PepPrefix = "role.pep";
}
