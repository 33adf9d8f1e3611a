namespace Ekyc.Verification.Screening.Indexing;

/// <summary>Quickselect: the k-th largest value in linear expected time, reordering the span in place.</summary>
internal static class Selection
{
    /// <param name="values">At least <paramref name="k"/> values; reordered.</param>
    /// <param name="k">1 for the largest.</param>
    public static double KthLargest(Span<double> values, int k)
    {
        var target = k - 1;
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + (right - left) / 2];
            int i = left, j = right;
            // Hoare partition, descending: larger values to the left.
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }
                while (values[j] < pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (target <= j)
            {
                right = j;
            }
            else if (target >= i)
            {
                left = i;
            }
            else
            {
                return values[target];
            }
        }
        return values[target];
    }
}
