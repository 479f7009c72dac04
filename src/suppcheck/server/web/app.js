// The script of the `suppcheck serve` page (index.html), served as GET /app.js so that the
// page's Content-Security-Policy can forbid inline script. No external resource, no framework.
"use strict";
var T = {
 en: {title:"suppcheck: is this supplement safe?", intro:"Take a photo of the label of a food supplement. You will see whether it has a Belgian notification number and how much magnesium a day it gives, against the safe upper level of 250 mg a day.", photo:"Photograph or choose a label", uploading:"Sending the photo…", reading:"Reading the label…", typeNumber:"Or type a notification number:", check:"Check", combined:"Products scanned in this visit", clear:"Clear the list", total:"Together: {mg} mg magnesium a day", overTotal:"Together: {mg} mg magnesium a day: more than the safe 250 mg. Supplements taken together add up.",
  valid:"Notification number {n}: the format is right.", invalid:"The notification number “{n}” is not in the right format: {why}.", missing:"No notification number was found. Advice: a supplement without a notification number is better not taken.", unreadable:"A notification number seems to be on the label (“{n}”) but could not be read with confidence: photograph that line closer, in good light.",
  listed:"It is in the registry.", notListed:"It is NOT in the registry.", regError:"The registry could not be checked.",
  above:"{mg} mg magnesium a day: above the safe upper level of 250 mg a day.", within:"{mg} mg magnesium a day: within the safe upper level of 250 mg a day.", unknown:"Magnesium is in it, but the dose could not be read.", none:"No magnesium found.",
  doctor:"Ask a doctor or pharmacist before taking it, especially with other medicines or kidney problems.", addUp:"Supplements taken together add up: see the total below.", failed:"This photo could not be read: {why}", tooLarge:"The photo is too large.", notImage:"This file is not a photo.", busy:"The server is busy; try again in a moment.", network:"The server could not be reached."},
 nl: {title:"suppcheck: is dit supplement veilig?", intro:"Neem een foto van het etiket van een voedingssupplement. U ziet of het een Belgisch notificatienummer heeft en hoeveel magnesium per dag het geeft, tegenover de veilige bovengrens van 250 mg per dag.", photo:"Fotografeer of kies een etiket", uploading:"Foto wordt verzonden…", reading:"Etiket wordt gelezen…", typeNumber:"Of typ een notificatienummer:", check:"Controleer", combined:"Producten gescand tijdens dit bezoek", clear:"Lijst wissen", total:"Samen: {mg} mg magnesium per dag", overTotal:"Samen: {mg} mg magnesium per dag: meer dan de veilige 250 mg. Supplementen tellen samen op.",
  valid:"Notificatienummer {n}: het formaat klopt.", invalid:"Het notificatienummer “{n}” heeft niet het juiste formaat: {why}.", missing:"Geen notificatienummer gevonden. Advies: een supplement zonder notificatienummer neemt u beter niet.", unreadable:"Er lijkt een notificatienummer op het etiket te staan (“{n}”), maar het kon niet met zekerheid worden gelezen: fotografeer die regel van dichterbij, met goed licht.",
  listed:"Het staat in het register.", notListed:"Het staat NIET in het register.", regError:"Het register kon niet worden nagekeken.",
  above:"{mg} mg magnesium per dag: boven de veilige bovengrens van 250 mg per dag.", within:"{mg} mg magnesium per dag: binnen de veilige bovengrens van 250 mg per dag.", unknown:"Er zit magnesium in, maar de dosis kon niet worden gelezen.", none:"Geen magnesium gevonden.",
  doctor:"Vraag raad aan een arts of apotheker voor u het neemt, zeker met andere geneesmiddelen of nierproblemen.", addUp:"Supplementen tellen samen op: zie het totaal hieronder.", failed:"Deze foto kon niet worden gelezen: {why}", tooLarge:"De foto is te groot.", notImage:"Dit bestand is geen foto.", busy:"De server is bezet; probeer het zo opnieuw.", network:"De server is niet bereikbaar."},
 fr: {title:"suppcheck : ce complément est-il sûr ?", intro:"Photographiez l’étiquette d’un complément alimentaire. Vous verrez s’il porte un numéro de notification belge et combien de magnésium par jour il apporte, face à la limite de sécurité de 250 mg par jour.", photo:"Photographier ou choisir une étiquette", uploading:"Envoi de la photo…", reading:"Lecture de l’étiquette…", typeNumber:"Ou tapez un numéro de notification :", check:"Vérifier", combined:"Produits scannés pendant cette visite", clear:"Effacer la liste", total:"Ensemble : {mg} mg de magnésium par jour", overTotal:"Ensemble : {mg} mg de magnésium par jour : plus que les 250 mg sûrs. Les compléments pris ensemble s’additionnent.",
  valid:"Numéro de notification {n} : le format est correct.", invalid:"Le numéro de notification « {n} » n’a pas le bon format : {why}.", missing:"Aucun numéro de notification trouvé. Conseil : mieux vaut ne pas prendre un complément sans numéro de notification.", unreadable:"Un numéro de notification semble figurer sur l’étiquette (« {n} ») mais n’a pas pu être lu avec certitude : photographiez cette ligne de plus près, avec un bon éclairage.",
  listed:"Il figure dans le registre.", notListed:"Il ne figure PAS dans le registre.", regError:"Le registre n’a pas pu être consulté.",
  above:"{mg} mg de magnésium par jour : au-dessus de la limite de sécurité de 250 mg par jour.", within:"{mg} mg de magnésium par jour : dans la limite de sécurité de 250 mg par jour.", unknown:"Il contient du magnésium, mais la dose n’a pas pu être lue.", none:"Pas de magnésium trouvé.",
  doctor:"Demandez l’avis d’un médecin ou d’un pharmacien avant de le prendre, surtout avec d’autres médicaments ou des problèmes rénaux.", addUp:"Les compléments pris ensemble s’additionnent : voyez le total ci-dessous.", failed:"Cette photo n’a pas pu être lue : {why}", tooLarge:"La photo est trop grande.", notImage:"Ce fichier n’est pas une photo.", busy:"Le serveur est occupé ; réessayez dans un instant.", network:"Le serveur est injoignable."}
};
var lang = (navigator.language || "en").slice(0, 2);
try { lang = sessionStorage.getItem("lang") || lang; } catch (e) {}
if (!T[lang]) lang = "en";
function t(key, vars) {
  var s = T[lang][key] || T.en[key] || key;
  Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
  return s;
}
function $(id) { return document.getElementById(id); }
function setText(id, text, cls) { var e = $(id); e.textContent = text; e.className = "verdict " + (cls || ""); }
var last = null, lastImage = null;
function applyLanguage() {
  document.documentElement.lang = lang;
  $("lang").value = lang;
  document.querySelectorAll("[data-t]").forEach(function (e) { e.textContent = t(e.dataset.t); });
  if (last) showResult(last);
  renderIntake();
}
$("lang").addEventListener("change", function () {
  lang = this.value;
  try { sessionStorage.setItem("lang", lang); } catch (e) {}
  applyLanguage();
});
function showError(text) { var e = $("error"); e.textContent = text; e.style.display = text ? "block" : "none"; }
function numberText(n) {
  if (n.status === "valid") return [t("valid", {n: n.number}), "good"];
  if (n.status === "invalid") return [t("invalid", {n: n.text || "", why: (n.problems || []).join("; ")}), "bad"];
  if (n.status === "unreadable") return [t("unreadable", {n: n.text || ""}), "muted"];
  return [t("missing"), "bad"];
}
function registryText(n) {
  var s = (n.registry || {}).status;
  if (s === "listed") return t("listed");
  if (s === "not_listed") return t("notListed");
  if (s === "error") return t("regError");
  return "";
}
function showResult(r) {
  $("result").hidden = false;
  var nt = numberText(r.notification);
  setText("numberVerdict", nt[0], nt[1]);
  $("registry").textContent = registryText(r.notification);
  var m = r.magnesium, level = r.assessment.level, dose;
  if (level === "above_noael") dose = [t("above", {mg: m.mg_per_day}), "bad"];
  else if (level === "within_noael") dose = [t("within", {mg: m.mg_per_day}), "good"];
  else if (level === "unknown") dose = [t("unknown"), "muted"];
  else dose = [t("none"), "muted"];
  setText("doseVerdict", dose[0], dose[1]);
  var advice = $("advice");
  advice.textContent = "";
  var items = [];
  // Only a number read and found absent or wrong supports "better not take it"; an unreadable one asks for a photo.
  if (r.notification.status === "missing" || r.notification.status === "invalid") items.push(t("missing"));
  if (m.present) { items.push(t("doctor")); items.push(t("addUp")); }
  items.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; advice.appendChild(li); });
  drawBoxes(r);
}
function drawBoxes(r) {
  var canvas = $("canvas");
  if (!lastImage) { canvas.hidden = true; return; }
  canvas.hidden = false;
  var scale = Math.min(1, 1200 / Math.max(lastImage.width, lastImage.height));
  canvas.width = Math.round(lastImage.width * scale);
  canvas.height = Math.round(lastImage.height * scale);
  var ctx = canvas.getContext("2d");
  ctx.drawImage(lastImage, 0, 0, canvas.width, canvas.height);
  function box(b, color) {
    if (!b) return;
    ctx.strokeStyle = color; ctx.lineWidth = 3;
    ctx.strokeRect(b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale);
  }
  box(r.notification.box, r.notification.status === "valid" ? "#0d47a1" : "#b00020");
  (r.magnesium.evidence || []).forEach(function (e) { box(e.box, e.role === "dose" ? "#b00020" : e.role === "salt" ? "#1b5e20" : "#e65100"); });
  canvas.dataset.boxes = String((r.notification.box ? 1 : 0) + (r.magnesium.evidence || []).filter(function (e) { return e.box; }).length);
}
function loadIntake() { try { return JSON.parse(sessionStorage.getItem("intake") || "[]"); } catch (e) { return []; } }
function saveIntake(list) { try { sessionStorage.setItem("intake", JSON.stringify(list)); } catch (e) {} }
function renderIntake() {
  var list = loadIntake(), table = $("intakeTable");
  $("intake").hidden = list.length === 0;
  table.textContent = "";
  var total = 0;
  list.forEach(function (p) {
    var tr = table.insertRow();
    tr.insertCell().textContent = p.name;
    tr.insertCell().textContent = p.mg == null ? "?" : p.mg + " mg";
    total += p.mg || 0;
  });
  setText("intakeTotal", t(total > 250 ? "overTotal" : "total", {mg: Math.round(total * 10) / 10}), total > 250 ? "bad" : "good");
}
$("clearIntake").addEventListener("click", function () { saveIntake([]); renderIntake(); });
$("file").addEventListener("change", function () {
  var file = this.files[0];
  if (!file) return;
  showError("");
  $("result").hidden = true;
  var url = URL.createObjectURL(file);
  var img = new Image();
  img.onload = function () { lastImage = img; if (last) drawBoxes(last); };
  img.src = url;
  var form = new FormData();
  form.append("image", file);
  var xhr = new XMLHttpRequest();
  xhr.open("POST", "api/scan");
  $("progress").style.display = "block";
  $("progressText").textContent = t("uploading");
  $("progressBar").removeAttribute("value");
  xhr.upload.onprogress = function (e) {
    if (e.lengthComputable) $("progressBar").value = Math.round(100 * e.loaded / e.total);
    if (e.loaded === e.total) { $("progressText").textContent = t("reading"); $("progressBar").removeAttribute("value"); }
  };
  xhr.onload = function () {
    $("progress").style.display = "none";
    var r = null;
    try { r = JSON.parse(xhr.responseText); } catch (e) {}
    if (xhr.status === 413) return showError(t("tooLarge"));
    if (xhr.status === 415) return showError(t("notImage"));
    if (xhr.status === 503) return showError(t("busy"));
    if (!r || xhr.status !== 200) return showError(t("failed", {why: r && r.error ? r.error.message : xhr.status}));
    if (!r.ok) return showError(t("failed", {why: r.error.message}));
    last = r;
    showResult(r);
    var list = loadIntake();
    list.push({name: (r.notification.number || file.name), mg: r.magnesium.mg_per_day});
    saveIntake(list);
    renderIntake();
  };
  xhr.onerror = function () { $("progress").style.display = "none"; showError(t("network")); };
  xhr.send(form);
});
$("checkNumber").addEventListener("click", function () {
  var n = $("number").value.trim();
  if (!n) return;
  fetch("api/number/" + encodeURIComponent(n)).then(function (res) { return res.json(); }).then(function (r) {
    var nt = numberText(r.status === "invalid" && !r.text ? Object.assign(r, {text: n}) : r);
    var reg = registryText(r);
    setText("numberResult", nt[0] + (reg ? " " + reg : ""), nt[1]);
  }).catch(function () { showError(t("network")); });
});
$("number").addEventListener("keydown", function (e) { if (e.key === "Enter") $("checkNumber").click(); });
applyLanguage();
