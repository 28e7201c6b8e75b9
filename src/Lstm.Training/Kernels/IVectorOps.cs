namespace Lstm.Training.Kernels;

/// <summary>
/// The float operations our kernels are written in, for one vector width: <see cref="Vector512Ops"/>,
/// <see cref="Vector256Ops"/>, <see cref="Vector128Ops"/> and <see cref="ScalarOps"/> (a "vector" of one float).
/// Every operation is exact IEEE arithmetic element by element (fused multiply-add rounds once), so a kernel written
/// once over this interface gives the same bits at every width: no horizontal reductions, no approximations that
/// differ by instruction set. The JIT specialises each kernel per struct and inlines these calls.
/// </summary>
internal unsafe interface IVectorOps<TVec> where TVec : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>How many vectors wide the matrix-product micro-kernel's panel is (bounded by the register file).</summary>
    static abstract int PanelVectors { get; }

    static abstract TVec Load(float* source);

    static abstract void Store(float* destination, TVec value);

    static abstract TVec Create(float value);

    static abstract TVec Add(TVec a, TVec b);

    static abstract TVec Subtract(TVec a, TVec b);

    static abstract TVec Multiply(TVec a, TVec b);

    static abstract TVec Divide(TVec a, TVec b);

    /// <summary>a·b + c with a single rounding.</summary>
    static abstract TVec FusedMultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>The smaller of a and b; when either is NaN, the result may be either one (x86's minps returns b).</summary>
    static abstract TVec Min(TVec a, TVec b);

    /// <summary>The larger of a and b; when either is NaN, the result may be either one (x86's maxps returns b).</summary>
    static abstract TVec Max(TVec a, TVec b);

    /// <summary>Round half to even.</summary>
    static abstract TVec Round(TVec x);

    static abstract TVec Abs(TVec x);

    static abstract TVec CopySign(TVec magnitude, TVec sign);

    static abstract TVec Sqrt(TVec x);

    /// <summary>x·2ⁿ for integral n in [−126, 127], built from n's exponent bits.</summary>
    static abstract TVec ScaleByPowerOfTwo(TVec x, TVec n);
}
