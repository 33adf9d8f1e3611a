using Ekyc.Core.Engines;
using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Faces;
using SkiaSharp;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// The labelled decision set: genuine passports and ID cards in four capture conditions, with the portrait from one
/// photo of a person and the selfie from another, and the fraud classes of <see cref="DecisionClass"/>. Planning draws
/// every label from one seeded generator (cheap, so the whole set is fixed by the seed and the count); rendering a
/// label is deterministic from its own seed, so cases can be rendered in any order or in parallel.
/// </summary>
/// <param name="photosFolder"><c>tests/data/photos</c>: the label's photo paths are relative to it.</param>
/// <param name="isClear">Whether a holder's name and birth date stay clear of the screening lists; a name it refuses is drawn again.</param>
/// <param name="challenges">Renders the liveness-challenge answers (genuine classes, challenge replay); required for those classes.</param>
/// <param name="designs">The issuers' page designs the documents take in turn (each over every capture condition); the classic one alone when null.</param>
/// <param name="captures">The capture conditions the documents take in turn; <see cref="CaptureConditions.FirstFour"/> when null.</param>
/// <param name="faces">Finds the portrait on a rendered document; required for <see cref="DecisionClass.DocumentPortraitSelfie"/>.</param>
public sealed class DecisionSetGenerator(string photosFolder, SpecimenRenderer renderer, Func<Holder, bool>? isClear = null, ChallengeCapture? challenges = null,
    IReadOnlyList<SpecimenDesign>? designs = null, IReadOnlyList<CaptureCondition>? captures = null, FaceAnalyzer? faces = null)
{
    private readonly IReadOnlyList<CaptureCondition> _captures = captures is { Count: > 0 } ? captures : CaptureConditions.FirstFour;

    private readonly IReadOnlyList<SpecimenDesign> _designs = designs is { Count: > 0 } ? designs : [SpecimenDesign.Classic];

    /// <summary>Genuine classes answering the challenge get this many times the per-class count: the approval rate is the number that matters most.</summary>
    public const int GenuineWeight = 2;

    private static readonly PrintedDateStyle[] DateStyles = Enum.GetValues<PrintedDateStyle>();

    /// <summary>Labels for <paramref name="countPerClass"/> cases per fraud class, twice that per genuine class.</summary>
    public IReadOnlyList<DecisionLabel> Plan(int countPerClass, int seed)
    {
        var random = new Random(seed);
        var labels = new List<DecisionLabel>();
        foreach (var @class in DecisionClasses.All)
        {
            var count = @class.AnswersChallenge() ? GenuineWeight * countPerClass : countPerClass;
            for (var k = 0; k < count; k++)
                labels.Add(PlanOne(@class, k, random));
        }
        return labels;
    }

    public DecisionCase Render(DecisionLabel label) => Render(label, AsCaptured(label));

    /// <summary>The label's case with the document photographed by a phone at about <paramref name="dpi"/> instead of its capture condition.</summary>
    public DecisionCase RenderPhonePhoto(DecisionLabel label, double dpi) =>
        Render(label, (printed, mrz, portrait, side, dateStyle, random, seed) =>
            DocumentCapture.RenderPhonePhoto(renderer, printed, mrz, portrait, side, dateStyle, label.Design, dpi, random, seed));

    private SideCapture AsCaptured(DecisionLabel label) => (printed, mrz, portrait, side, dateStyle, random, seed) =>
        DocumentCapture.Render(renderer, printed, mrz, portrait, side, dateStyle, label.Design, label.Capture, random, seed);

    private delegate byte[] SideCapture(MrzFields printed, IReadOnlyList<string> mrz, byte[] portrait, DocumentSide side, PrintedDateStyle dateStyle,
        Random random, int seed);

    private DecisionCase Render(DecisionLabel label, SideCapture capture)
    {
        var random = new Random(label.RenderSeed);
        var (front, back) = RenderDocument(label, capture, random);
        var photo = File.ReadAllBytes(Path.Combine(photosFolder, label.SelfiePhoto));
        var selfie = label.SelfieKind == SelfieKind.DocumentPortrait
            // Selfie widths where the passive model alone was measured letting such a cut through.
            ? PortraitCut.FromDocument(front, Faces(), width: 480 + 120 * random.Next(3))
            : SelfieCapture.Render(photo, label.SelfieKind is SelfieKind.ChallengeWebcam or SelfieKind.ChallengeFlatPicture ? SelfieKind.Webcam : label.SelfieKind,
                random, label.RenderSeed);
        return label.SelfieKind == SelfieKind.ChallengeWebcam
            ? new DecisionCase(label, front, back, selfie, LiveChallenge: moves => Capture().Live(photo, moves, label.RenderSeed))
            : new DecisionCase(label, front, back, selfie, label.SelfieKind == SelfieKind.ChallengeFlatPicture
                ? moves => Capture().Attack(ChallengeAttack.FlatPicture, photo, photo, moves, label.RenderSeed)
                : null);
    }

    private ChallengeCapture Capture() => challenges ?? throw new InvalidOperationException("Challenge answers need a ChallengeCapture.");

    private FaceAnalyzer Faces() => faces ?? throw new InvalidOperationException("A document's portrait sent as the selfie needs a FaceAnalyzer to find it.");

    /// <summary>The document alone (front, and back for an ID card), exactly as <see cref="Render"/> draws it.</summary>
    public (byte[] Front, byte[]? Back) RenderDocument(DecisionLabel label) => RenderDocument(label, AsCaptured(label), new Random(label.RenderSeed));

    private (byte[] Front, byte[]? Back) RenderDocument(DecisionLabel label, SideCapture capture, Random random)
    {
        var td1 = label.DocumentType == "id_card";
        var fields = Fields(label, td1 ? MrzFormat.Td1 : MrzFormat.Td3);
        var mrz = MrzLines(label);
        var printed = label.PrintedSurname is { } surname ? fields with { Surname = surname } : fields;
        var portrait = PortraitCrop(File.ReadAllBytes(Path.Combine(photosFolder, label.PortraitPhoto)));
        // The printed date form follows from the render seed (no draw from the planning stream): every form in turn.
        var dateStyle = DateStyles[label.RenderSeed % DateStyles.Length];
        var front = capture(printed, mrz, portrait, td1 ? DocumentSide.CardFront : DocumentSide.Full, dateStyle, random, label.RenderSeed);
        var back = td1 ? capture(printed, mrz, portrait, DocumentSide.CardBack, dateStyle, random, label.RenderSeed + 1) : null;
        if (label.Class == DecisionClass.DocumentScreenReplay)
            (front, back) = (DocumentScreenReplay.Photograph(front, random, label.RenderSeed),
                back is null ? null : DocumentScreenReplay.Photograph(back, random, label.RenderSeed + 1));
        return (front, back);
    }

    /// <summary>The MRZ the document carries: written from the label, with the issued check digits where it was tampered with.</summary>
    public static IReadOnlyList<string> MrzLines(DecisionLabel label)
    {
        var fields = Fields(label, label.DocumentType == "id_card" ? MrzFormat.Td1 : MrzFormat.Td3);
        var mrz = MrzWriter.Write(fields);
        return label.Tampered is { } tampered
            ? KeepIssuedCheckDigits(mrz, MrzWriter.Write(WithField(fields, tampered.Field, tampered.IssuedValue)), fields.Format)
            : mrz;
    }

    private DecisionLabel PlanOne(DecisionClass @class, int k, Random random)
    {
        var documentType = @class switch
        {
            DecisionClass.GenuinePassport => "passport",
            DecisionClass.GenuineIdCard => "id_card",
            _ => k % 2 == 0 ? "passport" : "id_card",
        };
        // Fraud classes alternate the document type: this index gives each type every condition in turn.
        // A document shown on a screen starts as a clean scan: the screen and the camera are its capture.
        var capture = @class == DecisionClass.DocumentScreenReplay ? CaptureCondition.Scan300Dpi
            : _captures[(@class.IsGenuine() ? k : k + k / 2) % _captures.Count];
        var identity = FacePhotos.Identities[random.Next(FacePhotos.Identities.Count)];
        var direction = random.Next(2);
        var portrait = Pick(random, identity.Photos[direction]);
        var selfie = Pick(random, identity.Photos[1 - direction]);
        if (@class == DecisionClass.FaceMismatch)
            selfie = Pick(random, [.. FacePhotos.Identities.Where(i => i != identity).SelectMany(i => i.Photos.SelectMany(p => p)), .. FacePhotos.Others]);

        var country = Pick(random, HolderNames.Countries);
        var holder = @class == DecisionClass.SanctionedPerson ? HolderNames.Listed[k % HolderNames.Listed.Count] : ClearHolder(random, country);
        var issuing = @class switch
        {
            DecisionClass.SpecimenDocument => "UTO",
            DecisionClass.SanctionedPerson => holder.Nationality,
            _ => country,
        };
        if (@class == DecisionClass.SpecimenDocument)
            holder = holder with { Nationality = "UTO" };
        var label = new DecisionLabel
        {
            Id = $"{@class.ToWire()}-{k:000}",
            Class = @class,
            DocumentType = documentType,
            Capture = capture,
            Design = _designs[k / _captures.Count % _designs.Count],
            Holder = holder,
            IssuingState = issuing,
            DocumentNumber = DocumentNumber(random),
            ExpiryDate = @class == DecisionClass.ExpiredDocument ? Date(random, 2018, 2024) : Date(random, 2029, 2035),
            PortraitPhoto = portrait,
            SelfiePhoto = selfie,
            SelfieKind = @class switch
            {
                DecisionClass.SelfiePrintReplay => SelfieKind.PrintReplay,
                DecisionClass.SelfieScreenReplay => SelfieKind.ScreenReplay,
                DecisionClass.ChallengeFlatReplay => SelfieKind.ChallengeFlatPicture,
                DecisionClass.DocumentPortraitSelfie => SelfieKind.DocumentPortrait,
                _ when @class.AnswersChallenge() => SelfieKind.ChallengeWebcam,
                _ => SelfieKind.Webcam,
            },
            RenderSeed = random.Next(),
        };
        return @class switch
        {
            DecisionClass.PrintedMrzMismatch => label with { PrintedSurname = Pick(random, [.. HolderNames.Surnames.Where(s => s != holder.Surname)]) },
            DecisionClass.TamperedCheckDigit => Tamper(label, random),
            _ => label,
        };
    }

    /// <summary>Changes the birth date, expiry date or document number everywhere, as a forger would, but not their check digits.</summary>
    private static DecisionLabel Tamper(DecisionLabel label, Random random)
    {
        var field = Pick(random, ["birth_date", "expiry_date", "document_number"]);
        var issued = field switch
        {
            "birth_date" => label.Holder.BirthDate,
            "expiry_date" => label.ExpiryDate,
            _ => label.DocumentNumber,
        };
        var format = label.DocumentType == "id_card" ? MrzFormat.Td1 : MrzFormat.Td3;
        while (true)
        {
            var altered = field switch
            {
                "document_number" => ChangeDigit(issued, random),
                // Another year, same day: a plausible date whose check digit differs.
                _ => $"{(int.Parse(issued[..2]) + random.Next(1, 8)) % 100:00}{issued[2..]}",
            };
            var tampered = field switch
            {
                "birth_date" => label with { Holder = label.Holder with { BirthDate = altered }, Tampered = new Tampering(field, issued) },
                "expiry_date" => label with { ExpiryDate = altered, Tampered = new Tampering(field, issued) },
                _ => label with { DocumentNumber = altered, Tampered = new Tampering(field, issued) },
            };
            // The tampering shows only if the issued check digit no longer fits the new value.
            var fields = Fields(tampered, format);
            var lines = MrzWriter.Write(fields);
            if (!KeepIssuedCheckDigits(lines, MrzWriter.Write(WithField(fields, field, issued)), format).SequenceEqual(lines))
                return tampered;
        }
    }

    private Holder ClearHolder(Random random, string nationality)
    {
        for (var attempt = 0; ; attempt++)
        {
            var given = Pick(random, HolderNames.GivenNames);
            if (random.Next(3) == 0)
                given += " " + Pick(random, [.. HolderNames.GivenNames.Where(g => g != given)]);
            var holder = new Holder(Pick(random, HolderNames.Surnames), given, Date(random, 1960, 2003), nationality);
            if (isClear is null || isClear(holder))
                return holder;
            if (attempt > 100)
                throw new InvalidOperationException("The screening lists match every generated name: the name pools need changing.");
        }
    }

    private static MrzFields Fields(DecisionLabel label, MrzFormat format) =>
        new(format, format == MrzFormat.Td1 ? "ID" : "P", label.IssuingState, label.Holder.Surname, label.Holder.GivenNames,
            label.DocumentNumber, label.Holder.Nationality, label.Holder.BirthDate, 'M', label.ExpiryDate);

    private static MrzFields WithField(MrzFields fields, string field, string value) => field switch
    {
        "birth_date" => fields with { BirthDate = value },
        "expiry_date" => fields with { ExpiryDate = value },
        _ => fields with { DocumentNumber = value },
    };

    /// <summary>The check digits (composite included) of the issued MRZ written over the tampered one's.</summary>
    private static IReadOnlyList<string> KeepIssuedCheckDigits(IReadOnlyList<string> tampered, IReadOnlyList<string> issued, MrzFormat format)
    {
        // ICAO 9303 positions: TD3 line 2 number/birth/expiry/personal/composite; TD1 line 1 number, line 2 birth/expiry/composite.
        (int Line, int[] Positions)[] checks = format == MrzFormat.Td1 ? [(0, [14]), (1, [6, 14, 29])] : [(1, [9, 19, 27, 42, 43])];
        var lines = tampered.Select(l => l.ToCharArray()).ToArray();
        foreach (var (line, positions) in checks)
            foreach (var p in positions)
                lines[line][p] = issued[line][p];
        return [.. lines.Select(l => new string(l))];
    }

    /// <summary>The photo cut to the portrait frame's shape (~3:4, from the top third), so the renderer does not stretch the face.</summary>
    public static byte[] PortraitCrop(byte[] photo)
    {
        using var source = DocumentCapture.Decode(photo);
        const float aspect = 0.72f;
        var (w, h) = source.Width > source.Height * aspect ? ((int)(source.Height * aspect), source.Height) : (source.Width, (int)(source.Width / aspect));
        var (x, y) = ((source.Width - w) / 2, (source.Height - h) / 3);
        using var cropped = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        source.ExtractSubset(cropped, SKRectI.Create(x, y, w, h));
        using var image = SKImage.FromBitmap(cropped);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string DocumentNumber(Random random) =>
        $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(0, 10_000_000):0000000}";

    private static string ChangeDigit(string number, Random random)
    {
        var digits = Enumerable.Range(0, number.Length).Where(i => char.IsDigit(number[i])).ToArray();
        var at = digits[random.Next(digits.Length)];
        var chars = number.ToCharArray();
        chars[at] = (char)('0' + (chars[at] - '0' + random.Next(1, 10)) % 10);
        return new string(chars);
    }

    private static string Date(Random random, int fromYear, int toYear) =>
        $"{random.Next(fromYear, toYear + 1) % 100:00}{random.Next(1, 13):00}{random.Next(1, 29):00}";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
