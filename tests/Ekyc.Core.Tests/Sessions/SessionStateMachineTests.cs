using Ekyc.Core.Sessions;

namespace Ekyc.Core.Tests.Sessions;

public class SessionStateMachineTests
{
    [Theory]
    [InlineData(SessionStatus.Created, SessionAction.UploadDocument, SessionStatus.DocumentsUploaded)]
    [InlineData(SessionStatus.DocumentsUploaded, SessionAction.UploadDocument, SessionStatus.DocumentsUploaded)]
    [InlineData(SessionStatus.DocumentsUploaded, SessionAction.UploadSelfie, SessionStatus.SelfieUploaded)]
    [InlineData(SessionStatus.SelfieUploaded, SessionAction.UploadSelfie, SessionStatus.SelfieUploaded)]
    [InlineData(SessionStatus.SelfieUploaded, SessionAction.UploadDocument, SessionStatus.SelfieUploaded)]
    [InlineData(SessionStatus.SelfieUploaded, SessionAction.Submit, SessionStatus.Submitted)]
    [InlineData(SessionStatus.Submitted, SessionAction.StartProcessing, SessionStatus.Processing)]
    [InlineData(SessionStatus.Created, SessionAction.Expire, SessionStatus.Expired)]
    public void Legal_moves_lead_to_the_documented_state(SessionStatus from, SessionAction action, SessionStatus expected) =>
        Assert.Equal(expected, SessionStateMachine.Apply(from, action));

    [Theory]
    [InlineData(SessionStatus.Approved)]
    [InlineData(SessionStatus.Rejected)]
    [InlineData(SessionStatus.ManualReview)]
    public void Processing_ends_in_a_decision(SessionStatus decision) =>
        Assert.Equal(decision, SessionStateMachine.Apply(SessionStatus.Processing, SessionAction.Decide, decision));

    [Theory]
    [InlineData(SessionStatus.Approved)]
    [InlineData(SessionStatus.Rejected)]
    public void Manual_review_is_closed_by_a_reviewer(SessionStatus decision) =>
        Assert.Equal(decision, SessionStateMachine.Apply(SessionStatus.ManualReview, SessionAction.Review, decision));

    [Fact]
    public void A_reviewer_cannot_send_a_session_back_to_manual_review() =>
        Assert.Throws<InvalidStateTransitionException>(() =>
            SessionStateMachine.Apply(SessionStatus.ManualReview, SessionAction.Review, SessionStatus.ManualReview));

    [Fact]
    public void Every_move_not_in_the_design_is_illegal()
    {
        var legal = new HashSet<(SessionStatus, SessionAction)>
        {
            (SessionStatus.Created, SessionAction.UploadDocument),
            (SessionStatus.DocumentsUploaded, SessionAction.UploadDocument),
            (SessionStatus.SelfieUploaded, SessionAction.UploadDocument),
            (SessionStatus.DocumentsUploaded, SessionAction.UploadSelfie),
            (SessionStatus.SelfieUploaded, SessionAction.UploadSelfie),
            (SessionStatus.SelfieUploaded, SessionAction.Submit),
            (SessionStatus.Submitted, SessionAction.StartProcessing),
            (SessionStatus.Processing, SessionAction.Decide),
            (SessionStatus.ManualReview, SessionAction.Review),
            (SessionStatus.Created, SessionAction.Expire),
            (SessionStatus.DocumentsUploaded, SessionAction.Expire),
            (SessionStatus.SelfieUploaded, SessionAction.Expire),
        };
        foreach (var from in Enum.GetValues<SessionStatus>())
        foreach (var action in Enum.GetValues<SessionAction>())
        {
            var allowed = SessionStateMachine.AllowedActions(from).Contains(action);
            Assert.True(legal.Contains((from, action)) == allowed, $"{from} + {action}: expected legal={legal.Contains((from, action))}");
            if (!allowed)
            {
                var error = Assert.Throws<InvalidStateTransitionException>(() => SessionStateMachine.Apply(from, action, SessionStatus.Approved));
                Assert.Equal(from, error.Current);
            }
        }
    }

    [Fact]
    public void Terminal_states_allow_nothing()
    {
        foreach (var status in new[] { SessionStatus.Approved, SessionStatus.Rejected, SessionStatus.Expired })
            Assert.Empty(SessionStateMachine.AllowedActions(status));
    }
}
