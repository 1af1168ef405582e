#include "funding/matching.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "funding/apportion.h"
#include "util/error.h"

namespace finsim {

std::vector<long double> kommun_quarter_shares(const std::string& forbund,
                                               const std::vector<std::string>& member_codes,
                                               const std::vector<std::int64_t>& member_population_16_64,
                                               const std::vector<KommunShare>& explicit_shares) {
  const std::size_t n = member_codes.size();
  std::vector<long double> share(n, 0.0L);
  bool listed = false;
  std::vector<bool> seen(n, false);
  long double sum = 0.0L;
  for (std::size_t i = 0; i < explicit_shares.size(); ++i) {
    const KommunShare& ks = explicit_shares[i];
    if (ks.forbund != forbund) continue;
    const std::string key = "funding.kommun_share[" + std::to_string(i) + "]";
    listed = true;
    const auto it = std::find(member_codes.begin(), member_codes.end(), ks.kommun_code);
    if (it == member_codes.end())
      throw InputError(key + ".kommun: \"" + ks.kommun_code + "\" is not a member of förbund \"" +
                       forbund + "\"");
    const std::size_t k = static_cast<std::size_t>(it - member_codes.begin());
    if (seen[k])
      throw InputError(key + ".kommun: \"" + ks.kommun_code + "\" is listed twice for förbund \"" +
                       forbund + "\"");
    if (!(ks.share >= 0.0))
      throw InputError(key + ".share: förbund \"" + forbund + "\": a share must be at least 0");
    seen[k] = true;
    share[k] = ks.share;
    sum += ks.share;
  }
  if (listed) {
    if (std::fabs(static_cast<double>(sum) - 1.0) > 1e-9) {
      std::ostringstream os;
      os << "funding.kommun_share: förbund \"" << forbund << "\": the shares sum to "
         << static_cast<double>(sum) << ", not 1";
      throw InputError(os.str());
    }
    return share;
  }
  long double population = 0.0L;
  for (std::int64_t p : member_population_16_64) population += static_cast<long double>(p);
  for (std::size_t k = 0; k < n; ++k)
    share[k] = population > 0.0L ? static_cast<long double>(member_population_16_64[k]) / population
                                 : 1.0L / static_cast<long double>(n);
  return share;
}

MatchResult match_members(const MatchInput& in) {
  if (in.kommun_max.size() != in.kommun_share.size() || in.kommun_codes.size() != in.kommun_share.size())
    throw std::logic_error("match_members: kommun vectors are not parallel");
  MatchResult r;
  Sek q = in.state_offer / 2;
  r.capping_party = "state";
  if (in.region_max < q) {
    q = in.region_max;
    r.capping_party = "region:" + in.region_code;
  }
  for (std::size_t k = 0; k < in.kommun_share.size(); ++k) {
    if (!(in.kommun_share[k] > 0.0L)) continue;
    const Sek limit = floor_sek(static_cast<long double>(in.kommun_max[k]) / in.kommun_share[k]);
    if (limit < q) {
      q = limit;
      r.capping_party = "kommun:" + in.kommun_codes[k];
    }
  }
  if (in.ceiling && *in.ceiling / 4 < q) {
    q = *in.ceiling / 4;
    r.capping_party = "ceiling";
  }
  if (q < 0) q = 0;  // a negative maximum means "nothing", not a refund

  r.quarter = q;
  r.budget = 4 * q;
  r.state_paid = 2 * q;
  r.region_paid = q;
  r.kommuner_paid = q;
  r.unused_offer = in.state_offer - r.state_paid;
  r.kommun_paid = in.kommun_share.empty() ? std::vector<Sek>{} : apportion(q, in.kommun_share);
  return r;
}

}  // namespace finsim
