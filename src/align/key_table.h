// A hash table from 64-bit match keys to dense ids 0, 1, 2 … in order of
// first insertion (open addressing, linear probing). The keys are FNV hashes
// already; a multiplication spreads their bits over the slots anyway.
//
// Thread-safety: none; const methods may be called concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace ancre::align {

class KeyTable {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  KeyTable() { Resize(1u << 12); }

  // Returns the id of `key`, giving it the next id if it is new.
  uint32_t Insert(uint64_t key) {
    if (key == 0) {  // 0 marks an empty slot; the zero key lives apart
      if (zero_id_ == kNone) zero_id_ = size_++;
      return zero_id_;
    }
    if (2 * (size_ + 1) > keys_.size()) Resize(keys_.size() * 2);
    size_t slot = Slot(key);
    while (keys_[slot] != 0) {
      if (keys_[slot] == key) return ids_[slot];
      slot = (slot + 1) & (keys_.size() - 1);
    }
    keys_[slot] = key;
    ids_[slot] = size_;
    return size_++;
  }

  // Returns the id of `key`, or kNone if it was never inserted.
  uint32_t Find(uint64_t key) const {
    if (key == 0) return zero_id_;
    size_t slot = Slot(key);
    while (keys_[slot] != 0) {
      if (keys_[slot] == key) return ids_[slot];
      slot = (slot + 1) & (keys_.size() - 1);
    }
    return kNone;
  }

  // Calls fn(key, id) for every key, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    if (zero_id_ != kNone) fn(uint64_t{0}, zero_id_);
    for (size_t s = 0; s < keys_.size(); ++s) {
      if (keys_[s] != 0) fn(keys_[s], ids_[s]);
    }
  }

  // Number of distinct keys inserted.
  uint32_t size() const { return size_; }

 private:
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 24) & (keys_.size() - 1);
  }
  void Resize(size_t capacity) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_ids = std::move(ids_);
    keys_.assign(capacity, 0);
    ids_.assign(capacity, 0);
    for (size_t s = 0; s < old_keys.size(); ++s) {
      if (old_keys[s] == 0) continue;
      size_t slot = Slot(old_keys[s]);
      while (keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
      keys_[slot] = old_keys[s];
      ids_[slot] = old_ids[s];
    }
  }

  std::vector<uint64_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> ids_;
  uint32_t size_ = 0;
  uint32_t zero_id_ = kNone;
};

}  // namespace ancre::align
