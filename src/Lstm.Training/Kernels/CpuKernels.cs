using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Lstm.Training.Kernels;

/// <summary>
/// Which vector width the trainer's kernels run at on this CPU, chosen by the runtime at start-up: the widest of
/// Vector512 (AVX-512), Vector256 (AVX2), Vector128 (SSE/AVX, ARM64 AdvSimd) that is hardware accelerated, else scalar
/// code. Every width gives the same bits; only speed differs, so the slow cases are named for the user to see.
/// </summary>
public static class CpuKernels
{
    /// <summary>The vector width in bits (512, 256, 128), or 32 when the kernels run one float at a time.</summary>
    public static int VectorBits { get; } =
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 32;

    /// <summary>Whether fused multiply-add is an instruction here (x64 FMA3, ARM64 AdvSimd); otherwise it runs in software, slowly.</summary>
    public static bool HardwareFusedMultiplyAdd { get; } = VectorBits > 32 && (Fma.IsSupported || AdvSimd.IsSupported);

    /// <summary>True when no SIMD is available and every kernel runs scalar code (tens of times slower).</summary>
    public static bool IsScalarFallback => VectorBits == 32;

    /// <summary>One line for logs, e.g. "Vector256 with hardware FMA" or "scalar (no SIMD: slow)".</summary>
    public static string Description { get; } = VectorBits switch
    {
        32 => "scalar (no SIMD: slow; check DOTNET_EnableHWIntrinsic)",
        _ when !HardwareFusedMultiplyAdd => $"Vector{VectorBits} with FMA emulated in software (slow; the CPU or DOTNET_EnableAVX2=0 turned FMA off)",
        _ => $"Vector{VectorBits} with hardware FMA",
    };
}
