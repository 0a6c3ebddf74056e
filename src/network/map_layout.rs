//! The map's stable layout: the institution at (0, 0); around it one
//! sector per partner type (the legend's order, clockwise from the top),
//! its angle growing with the room its nodes need; in a sector, rings of
//! nodes, the largest (most active) nearest the centre.
//!
//! Why not a force simulation: the same data must give the same picture,
//! whatever order the data comes in, and 300 nodes must never overlap.
//! Here positions depend only on the nodes' types, sizes, names and ids
//! (sorted, no hashing, no randomness), and no overlap holds by
//! construction: rings of a sector are apart by the sum of their largest
//! radii plus a gap; neighbours on a ring are a chord apart of at least
//! their radii plus the gap (sizes fall along the ring, so every later
//! node is at least as far); and each node keeps its radius plus half the
//! gap from its sector's boundary rays, so nodes of two sectors, on the two
//! sides of a ray, are at least their radii plus the gap apart.

use std::f32::consts::{PI, TAU};

use super::model::MapNode;
use crate::partners::model::PartnerType;

/// The empty space between two nodes, in layout units: room for a name.
pub const GAP: f32 = 18.0;
/// Every sector gets this share of the circle on top of its need, so a
/// type with one partner is not pushed far out by a thin sector.
const BASE_SHARE: f32 = 0.04;

/// The angle from the centre at which a node of radius `r` on a ring of
/// radius `ring` keeps `r + GAP / 2` from a ray; `None` when it cannot.
fn margin(r: f32, ring: f32) -> Option<f32> {
    let s = (r + GAP / 2.0) / ring;
    (s < 1.0).then(|| s.asin())
}

/// The angle between the centres of two neighbours of radii `a` and `b` on a
/// ring of radius `ring`, so that they are `a + b + GAP` apart.
fn step(a: f32, b: f32, ring: f32) -> Option<f32> {
    let s = (a + b + GAP) / (2.0 * ring);
    (s < 1.0).then(|| 2.0 * s.asin())
}

/// How many of `sizes` (largest first) fit on a ring of radius `ring` in a
/// sector of angle `width` (`None`: the whole circle), and their angles
/// from the sector's start, spread over the sector.
fn ring_angles(sizes: &[f32], ring: f32, width: Option<f32>) -> Vec<f32> {
    let mut angles: Vec<f32> = Vec::new();
    for (j, &r) in sizes.iter().enumerate() {
        let at = match (angles.last(), width) {
            (None, None) => Some(0.0),
            (None, Some(_)) => margin(r, ring),
            (Some(&prev), _) => step(sizes[j - 1], r, ring).map(|s| prev + s),
        };
        let Some(at) = at else { break };
        let fits = match width {
            Some(w) => margin(r, ring).is_some_and(|m| at + m <= w),
            // Around the whole circle the last one must keep off the first.
            None => step(r, sizes[0], ring).is_some_and(|s| at + s <= TAU),
        };
        if !fits {
            break;
        }
        angles.push(at);
    }
    let (Some(&last), Some(&r_last)) = (angles.last(), sizes.get(angles.len().wrapping_sub(1)))
    else {
        return angles;
    };
    // Spread what is left: centred in a sector, shared out around a circle.
    match width {
        Some(w) => {
            let spare = (w - last - margin(r_last, ring).unwrap_or(0.0)).max(0.0);
            let n = angles.len() as f32;
            for (k, a) in angles.iter_mut().enumerate() {
                *a += spare * (k as f32 + 0.5) / n;
            }
        }
        None => {
            let closing = step(r_last, sizes[0], ring).unwrap_or(0.0);
            let spare = (TAU - last - closing).max(0.0);
            let n = angles.len() as f32;
            for (k, a) in angles.iter_mut().enumerate() {
                *a += spare * k as f32 / n;
            }
        }
    }
    angles
}

/// Places `nodes` (sizes set) in one sector from angle `start`, `width`
/// wide (`None`: the whole circle), rings starting outside `inner`.
fn place_sector(nodes: &mut [&mut MapNode], start: f32, width: Option<f32>, inner: f32) {
    let mut base = inner + GAP;
    let mut i = 0;
    while i < nodes.len() {
        let sizes: Vec<f32> = nodes[i..].iter().map(|n| n.size).collect();
        let ring = base + sizes[0];
        let angles = ring_angles(&sizes, ring, width);
        if angles.is_empty() {
            // The sector is too thin here: try further out.
            base += GAP;
            continue;
        }
        for (k, a) in angles.iter().enumerate() {
            let n = &mut nodes[i + k];
            // Angles run clockwise on the screen (y points down) from the top.
            let theta = start + a - PI / 2.0;
            n.x = round(ring * theta.cos());
            n.y = round(ring * theta.sin());
        }
        i += angles.len();
        base = ring + sizes[0] + GAP;
    }
}

/// Positions to a hundredth of a unit: the same on every machine.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Sets `x`, `y` of every node: the institution (no partner type) at the
/// centre, partners in sectors by type. Sizes must be set.
pub fn place(nodes: &mut [MapNode]) {
    let inner = nodes
        .iter()
        .filter(|n| n.partner_type.is_none())
        .map(|n| n.size)
        .fold(0.0f32, f32::max);
    let mut groups: Vec<Vec<&mut MapNode>> = PartnerType::ALL.iter().map(|_| Vec::new()).collect();
    for n in nodes.iter_mut() {
        match n.partner_type {
            None => {
                n.x = 0.0;
                n.y = 0.0;
            }
            Some(t) => {
                let g = PartnerType::ALL.iter().position(|x| *x == t).unwrap_or(0);
                groups[g].push(n);
            }
        }
    }
    groups.retain(|g| !g.is_empty());
    for g in &mut groups {
        g.sort_by(|a, b| {
            b.size
                .total_cmp(&a.size)
                .then_with(|| a.name.cmp(&b.name))
                .then(a.partner_id.cmp(&b.partner_id))
                .then_with(|| a.key.cmp(&b.key))
        });
    }
    if let [only] = groups.as_mut_slice() {
        place_sector(only, 0.0, None, inner);
        return;
    }
    // Each sector's share: the room its nodes take, plus a base.
    let need: Vec<f32> = groups
        .iter()
        .map(|g| g.iter().map(|n| (2.0 * n.size + GAP).powi(2)).sum())
        .collect();
    let total: f32 = need.iter().sum();
    let shares: Vec<f32> = need.iter().map(|w| w / total + BASE_SHARE).collect();
    let sum: f32 = shares.iter().sum();
    let mut start = 0.0f32;
    for (g, share) in groups.iter_mut().zip(shares) {
        let width = TAU * share / sum;
        place_sector(g, start, Some(width), inner);
        start += width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(i: usize, t: Option<PartnerType>, size: f32) -> MapNode {
        MapNode {
            key: if t.is_none() {
                "i".into()
            } else {
                format!("p{i}")
            },
            partner_id: t.map(|_| i as i64),
            name: format!("Организация {i:03}"),
            partner_type: t,
            relation: None,
            stage: None,
            color: String::new(),
            events: 0,
            agreements: 0,
            size,
            x: f32::NAN,
            y: f32::NAN,
            flags: Vec::new(),
        }
    }

    /// The institution and `n` partners of mixed types and sizes; `types`
    /// partner types used (1 = all of one type).
    fn network(n: usize, types: usize) -> Vec<MapNode> {
        let mut v = vec![node(0, None, 40.0)];
        for i in 1..=n {
            // Uneven: most of the first type, a few of the last.
            let t = PartnerType::ALL[(i * i + i / 7) % types];
            let size = 12.0 + ((i * 37) % 25) as f32;
            v.push(node(i, Some(t), size));
        }
        v
    }

    fn assert_apart(nodes: &[MapNode]) {
        for (i, a) in nodes.iter().enumerate() {
            assert!(a.x.is_finite() && a.y.is_finite(), "{} placed", a.key);
            for b in &nodes[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(
                    d >= a.size + b.size + GAP * 0.9,
                    "{} and {} overlap: {d} < {} + {}",
                    a.key,
                    b.key,
                    a.size,
                    b.size
                );
            }
        }
    }

    #[test]
    fn three_hundred_organisations_never_overlap() {
        for types in [1, 2, 3, 9] {
            let mut nodes = network(300, types);
            place(&mut nodes);
            assert_apart(&nodes);
            let (x, y) = (nodes[0].x, nodes[0].y);
            assert_eq!((x, y), (0.0, 0.0));
        }
    }

    #[test]
    fn small_networks_never_overlap() {
        for n in 0..40 {
            for types in [1, 2, 9] {
                let mut nodes = network(n, types);
                place(&mut nodes);
                assert_apart(&nodes);
            }
        }
    }

    #[test]
    fn the_same_data_gives_the_same_picture_in_any_order() {
        let mut a = network(300, 9);
        place(&mut a);
        let mut b = network(300, 9);
        b.reverse();
        b.rotate_left(17);
        place(&mut b);
        b.sort_by_key(|n| n.partner_id);
        a.sort_by_key(|n| n.partner_id);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((x.key.as_str(), x.x, x.y), (y.key.as_str(), y.x, y.y));
        }
    }

    #[test]
    fn the_picture_stays_compact() {
        let mut nodes = network(300, 9);
        place(&mut nodes);
        let reach = nodes
            .iter()
            .map(|n| (n.x * n.x + n.y * n.y).sqrt() + n.size)
            .fold(0.0f32, f32::max);
        // 300 discs of radius ≤ 36 fill a disc of radius about 620.
        assert!(reach < 1400.0, "reach {reach}");
    }
}
