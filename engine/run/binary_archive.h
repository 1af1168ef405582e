// A little-endian binary encoding for plain structs: one `serialize(Archive&, T&)` per struct lists
// its fields once, and the same list writes (ArchiveWriter) and reads (ArchiveReader).
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace finsim {

// The journal is read back by the same binary on the same machine, but keep the widths as the
// format describes them.
static_assert(sizeof(int) == 4 && sizeof(std::size_t) == 8, "the encoding writes int as 4 and size_t as 8 bytes");

// Integers, enums and bool are written with their own width (int 4 bytes, std::size_t 8), doubles as
// their IEEE-754 bits; a std::array as its length (checked on reading) and elements, a vector or
// string as a 64-bit length and elements; anything else by the `serialize(ar, value)` found by ADL.
template <class T>
concept ArchiveScalar = std::is_arithmetic_v<T> || std::is_enum_v<T>;

// Integers whose encoding is their in-memory bytes on this machine: arrays of them are copied whole.
template <class T>
inline constexpr bool kRawBytes =
    std::endian::native == std::endian::little&& std::is_integral_v<T> && !std::is_same_v<T, bool>;

// How integers (and lengths) are written. Fixed: their own width, as above. Varint: LEB128 (7 bits a
// byte, low first, the high bit set on every byte but the last), signed ones zigzagged first
// (0, −1, 1, −2 … → 0, 1, 2, 3 …), so the small counts and zeros that fill a result take one byte.
// bool, enums' underlying bytes and doubles are the same in both.
enum class IntCoding { Fixed, Varint };

template <IntCoding Coding>
class BasicArchiveWriter {
 public:
  static constexpr bool kLoading = false;
  explicit BasicArchiveWriter(std::string& out) : out_(out) {}

  template <class... T>
  void operator()(T&... values) {
    (put(values), ...);
  }

 private:
  template <ArchiveScalar T>
  void put(const T& v) {
    if constexpr (std::is_enum_v<T>) {
      put(static_cast<std::underlying_type_t<T>>(v));
    } else if constexpr (std::is_same_v<T, bool>) {
      put(static_cast<std::uint8_t>(v ? 1 : 0));
    } else if constexpr (std::is_floating_point_v<T>) {
      static_assert(sizeof(T) == 8, "only double is encoded");
      const auto bits = std::bit_cast<std::uint64_t>(v);  // 8 bytes in either coding
      char bytes[8];
      for (std::size_t i = 0; i < 8; ++i) bytes[i] = static_cast<char>((bits >> (8 * i)) & 0xff);
      out_.append(bytes, 8);
    } else if constexpr (Coding == IntCoding::Varint && sizeof(T) > 1) {
      using U = std::make_unsigned_t<T>;
      U u = static_cast<U>(v);
      if constexpr (std::is_signed_v<T>) u = static_cast<U>((u << 1) ^ (v < 0 ? ~U{0} : U{0}));
      char bytes[10];
      std::size_t n = 0;
      for (; u >= 0x80; u = static_cast<U>(u >> 7)) bytes[n++] = static_cast<char>((u & 0x7f) | 0x80);
      bytes[n++] = static_cast<char>(u);
      out_.append(bytes, n);
    } else {
      auto u = static_cast<std::make_unsigned_t<T>>(v);
      char bytes[sizeof(T)];
      for (std::size_t i = 0; i < sizeof(T); ++i, u = static_cast<decltype(u)>(u >> 8))
        bytes[i] = static_cast<char>(u & 0xff);
      out_.append(bytes, sizeof(T));
    }
  }
  void put(const std::string& s) {
    put(static_cast<std::uint64_t>(s.size()));
    out_.append(s);
  }
  template <class T, std::size_t N>
  void put(const std::array<T, N>& a) {
    put(static_cast<std::uint32_t>(N));
    put_elements(a.data(), N);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    put(static_cast<std::uint64_t>(v.size()));
    put_elements(v.data(), v.size());
  }
  template <class A, class B>
  void put(const std::pair<A, B>& p) {
    put(p.first);
    put(p.second);
  }
  template <class T>
  requires std::is_class_v<T>
  void put(const T& v) {
    // serialize() takes a mutable reference because one list serves both directions; writing
    // only reads the fields.
    serialize(*this, const_cast<T&>(v));
  }
  template <class T>
  void put_elements(const T* p, std::size_t n) {
    if constexpr (kRawBytes<T> && (Coding == IntCoding::Fixed || sizeof(T) == 1)) {
      out_.append(reinterpret_cast<const char*>(p), n * sizeof(T));  // already the encoding's bytes
    } else {
      for (std::size_t i = 0; i < n; ++i) put(p[i]);
    }
  }

  std::string& out_;
};

// Reads what BasicArchiveWriter<Coding> wrote. Throws std::runtime_error when the bytes end early, a
// length or varint does not fit: the caller checks a checksum first, so that means a bug, not a torn file.
template <IntCoding Coding>
class BasicArchiveReader {
 public:
  static constexpr bool kLoading = true;
  explicit BasicArchiveReader(std::string_view in) : in_(in) {}

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  const char* take(std::size_t n) {
    if (n > remaining()) throw std::runtime_error("binary archive: the data ends early");
    const char* p = in_.data() + pos_;
    pos_ += n;
    return p;
  }
  template <ArchiveScalar T>
  void get(T& v) {
    if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> u{};
      get(u);
      v = static_cast<T>(u);
    } else if constexpr (std::is_same_v<T, bool>) {
      std::uint8_t b = 0;
      get(b);
      if (b > 1) throw std::runtime_error("binary archive: a bool is neither 0 nor 1");
      v = b == 1;
    } else if constexpr (std::is_floating_point_v<T>) {
      static_assert(sizeof(T) == 8, "only double is encoded");
      const auto* bytes = reinterpret_cast<const unsigned char*>(take(8));  // 8 bytes in either coding
      std::uint64_t bits = 0;
      for (std::size_t i = 8; i-- > 0;) bits = (bits << 8) | bytes[i];
      v = std::bit_cast<T>(bits);
    } else if constexpr (Coding == IntCoding::Varint && sizeof(T) > 1) {
      using U = std::make_unsigned_t<T>;
      U u = 0;
      for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(*take(1));
        const U bits = static_cast<U>(byte & 0x7f);
        // The last byte may carry only the bits the type has left; a longer varint is not ours.
        if (shift >= static_cast<int>(8 * sizeof(T)) || (shift > 0 && (bits >> (8 * sizeof(T) - shift)) != 0))
          throw std::runtime_error("binary archive: a varint beyond its integer's width");
        u = static_cast<U>(u | static_cast<U>(bits << shift));
        if ((byte & 0x80) == 0) break;
      }
      if constexpr (std::is_signed_v<T>)
        v = static_cast<T>(static_cast<U>((u >> 1) ^ (U{0} - (u & 1))));
      else
        v = u;
    } else {
      const auto* bytes = reinterpret_cast<const unsigned char*>(take(sizeof(T)));
      std::make_unsigned_t<T> u = 0;
      for (std::size_t i = sizeof(T); i-- > 0;) u = static_cast<decltype(u)>((u << 8) | bytes[i]);
      v = static_cast<T>(u);
    }
  }
  void get(std::string& s) {
    const std::size_t n = length(1);
    s.assign(take(n), n);
  }
  template <class T, std::size_t N>
  void get(std::array<T, N>& a) {
    std::uint32_t n = 0;
    get(n);
    if (n != N)
      throw std::runtime_error("binary archive: an array of " + std::to_string(n) + " where " + std::to_string(N) +
                               " are expected");
    get_elements(a.data(), N);
  }
  template <class T>
  void get(std::vector<T>& v) {
    v.resize(length(Coding == IntCoding::Fixed && std::is_arithmetic_v<T> ? sizeof(T) : 1));
    get_elements(v.data(), v.size());
  }
  template <class A, class B>
  void get(std::pair<A, B>& p) {
    get(p.first);
    get(p.second);
  }
  template <class T>
  requires std::is_class_v<T>
  void get(T& v) { serialize(*this, v); }
  template <class T>
  void get_elements(T* p, std::size_t n) {
    if constexpr (kRawBytes<T> && (Coding == IntCoding::Fixed || sizeof(T) == 1)) {
      if (n > 0) std::memcpy(p, take(n * sizeof(T)), n * sizeof(T));
    } else {
      for (std::size_t i = 0; i < n; ++i) get(p[i]);
    }
  }
  // A 64-bit element count, checked against the bytes left (each element takes at least `min_bytes`).
  std::size_t length(std::size_t min_bytes) {
    std::uint64_t n = 0;
    get(n);
    if (n > remaining() / min_bytes) throw std::runtime_error("binary archive: a length beyond the data");
    return static_cast<std::size_t>(n);
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

using ArchiveWriter = BasicArchiveWriter<IntCoding::Fixed>;
using ArchiveReader = BasicArchiveReader<IntCoding::Fixed>;
// The compact form (run/result_encoding.h): a national result is mostly zeros and small counts.
using VarintArchiveWriter = BasicArchiveWriter<IntCoding::Varint>;
using VarintArchiveReader = BasicArchiveReader<IntCoding::Varint>;

// The number of fields of an aggregate, so each serialize() can assert it lists them all: adding a
// field to a struct then fails to compile until the field is encoded. (Boost.PFR does this, but
// Debian 12's Boost 1.74 predates it.)
namespace archive_detail {
struct AnyField {
  template <class T>
  operator T() const;  // never defined: used in unevaluated braced initialisation only
};
template <class T, class... A>
constexpr std::size_t field_count() {
  if constexpr (requires { T{A{}..., AnyField{}}; })
    return field_count<T, A..., AnyField>();
  else
    return sizeof...(A);
}
}  // namespace archive_detail

template <class T>
requires std::is_aggregate_v<T>
inline constexpr std::size_t kFieldCount = archive_detail::field_count<T>();

}  // namespace finsim
