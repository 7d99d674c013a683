namespace Kaifong.Domain.Common;

/// <summary>Version 7 GUIDs: time-ordered, so indexes stay compact on both databases.</summary>
public static class Ids
{
    public static Guid New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());
}
