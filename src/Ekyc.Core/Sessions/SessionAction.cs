namespace Ekyc.Core.Sessions;

/// <summary>Everything that can move a session; the state machine decides which are legal where.</summary>
public enum SessionAction
{
    UploadDocument,
    UploadSelfie,
    Submit,
    StartProcessing,
    Decide,
    Review,
    Expire,
}
