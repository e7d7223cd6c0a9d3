var E,r1,n1,i1,f1,c1,s1,l1,d,m,p1,h1,C1,g1,v1,w1,T1,A1,R1,n3,r5,s3,c4,l3,u5,f3,m2,y2,v4,d4,m4,D2,C3,M3,T2,U2,In,v5,m5,E6,A6,b4,S5,B5,Q4,ht2,c5,Z8,zt,Bt2,Dt3,jt2,Vt,Ft1,Ht1,n7,r8,a8,s9,h8,o7,l8,u9,c7,g7,p8,b7,d7,nt5,rt5,at5,st4,ht4,ot4,lt4,ut4,l9,v9,M9,x9,N10,Y9,q9,B9,C9,L8,O8,T8,Q7,K10,Z10,z10,G10,J10,K11,b9,t8,r9,n8,s11,o8,m10,h10,l10,p10,i11,u11,M10,y8,w9,A12,P9,B11,G11,R10,Y11,x10,O9,g9,v10,S11,C11,I9,D9,T9,k10,V10,W11,j9,q10,z12,E12,F9,H10,J12,K12,L9,N11,Q8,U8,X12,Z12,$11,_9,ff,ef,af,df,cf,bf,tf,rf,nf,sf,of,mf,hf,lf,pf,uf,Mf,ce2,st5,ot5,at6,vt4,$t2,ve2,Ce3,Ue3,Ge2,en4,nn4,cn4,hn4,dn3,pn3,vn3,yn3,mn3,xn3,qn1,$n,Vn2,Hn2,i12,e10,o9,u12,a9,c10,l11,f9,s12,p12,h12,g11,v12,d10,E15,y10,S13,m12,M12,w11,x12,A15,$13,L12,b11,G14,O11,T12,k12,F13,H14,I12,W15,X16,Y15,B14,D12,U12,Z16,J16,K16,Q12,pn4,hn5,gn4,vn4,dn4,En3,yn4,Sn4,mn4,Mn4,wn4,xn4,_n3,Nn3,Rn3,Cn3,Pn3,Fn3,St4,Mt5,wt5,xt5,_t3,Nt4,Rt4,At3,Lt3,bt5,Tt3,Kt3,Qt2,Vt2,nr1,tr1,rr1,ir1,er1,lr1,fr1,sr1,pr1,hr1,gr1,vr1,dr1,Er1,yr1,Sr1,mr1,Mr1,wr1,xr1,_r1,Nr1,Rr1,Cr1,Tr1,kr1,Fr,Hr,Ir1,Wr,Xr,ci1,fi1,Mi1,xi1,bi1,Gi1,Oi1,Ti1,ki1,d11,w12,y11,m13,b12,R13,M13,E16,P13,k13,x13,A16,G15,C15,F14,N15,L13,H15,z16,B15,W16,j14,D13,I13,nn6,rn6,dn5,yn5,mn5,Qn2,ur2,lr2,ne3,re4,Fe3,nt9,rt9,dt6,wt6,yt6,mt6,bt6,Rt5,Mt6,zt3,Bt5,jt5,ua,Ua,_a,Ja,o10,n10,t11,n11,e13,r12,o12,i14,a10,l12,u13,c11,g12,C16,F16,G17,tn6,un6,cn7,u17,l18,g17,d17,h24,g18,y17,m18,x21,v20,b19,w19,M20,k18,U16,L17,O15,vu,D17,g20,x23,oe5,le6,ue6,ce6;
function n(n,t,e){return n.fields=t||[],n.fname=e,n;}
function t(n){return null==n?null:n.fname;}
function e(n){return null==n?null:n.fields;}
function r(n){return 1===n.length?u(n[0]):o(n);}
function l(n){throw Error(n);}
function c(n){const t=[],e=n.length;let r,u,o,c=null,i=0,f="";function s(){t.push(f+n.substring(r,u)),f="",r=u+1;}for(n+="",r=u=0;u<e;++u)if(o=n[u],"\\"===o)f+=n.substring(r,u++),r=u;else if(o===c)s(),c=null,i=-1;else{if(c)continue;r===i&&'"'===o||r===i&&"'"===o?(r=u+1,c=o):"."!==o||i?"["===o?(u>r&&s(),i=r=u+1):"]"===o&&(i||l("Access path missing open bracket: "+n),i>0&&s(),i=0,r=u+1):u>r?s():r=u+1;}return i&&l("Access path missing closing bracket: "+n),c&&l("Access path missing closing quote: "+n),u>r&&(u++,s()),t;}
function i(t,e,u){const o=c(t);return t=1===o.length?o[0]:t,n((u&&u.get||r)(o),[t],e||t);}
function y(n,t,e){const r=[t].concat([].slice.call(e));console[n].apply(console,r);}
function w(n,t,e=y){let r=n||0;return{level(n){return arguments.length?(r=+n,this):r;},error(){return r>=1&&e(t||"error","ERROR",arguments),this;},warn(){return r>=2&&e(t||"warn","WARN",arguments),this;},info(){return r>=3&&e(t||"log","INFO",arguments),this;},debug(){return r>=4&&e(t||"log","DEBUG",arguments),this;}};}
function v(n){return n===Object(n);}
function _(...n){return n.reduce((n,t)=>{for(const e in t)if("signals"===e)n.signals=x(n.signals,t.signals);else{const r="legend"===e?{layout:1}:"style"===e||null;k(n,e,t[e],r);}return n;},{});}
function k(n,t,e,r){if(!A(t))return;let u,o;if(v(e)&&!E(e))for(u in o=v(n[t])?n[t]:n[t]={},e)r&&(!0===r||r[u])?k(o,u,e[u]):A(u)&&(o[u]=e[u]);else n[t]=e;}
function x(n,t){if(null==n)return t;const e={},r=[];function u(n){e[n.name]||(e[n.name]=1,r.push(n));}return t.forEach(u),n.forEach(u),r;}
function D(n){return n[n.length-1];}
function z(n){return null==n||""===n?null:+n;}
function U(n,t,e,r){const u=e(n[0]),o=e(D(n)),l=(o-u)*t;return[r(u-l),r(o-l)];}
function $(n,t){return U(n,t,z,s);}
function q(n,t){var e=Math.sign(n[0]);return U(n,t,S(e),R(e));}
function B(n,t,e){return U(n,t,T(e),T(1/e));}
function C(n,t,e){return U(n,t,N(e),P(e));}
function F(n,t,e,r,u){const o=r(n[0]),l=r(D(n)),c=null!=t?r(t):(o+l)/2;return[u(c+(o-c)*e),u(c+(l-c)*e)];}
function G(n,t,e){return F(n,t,e,z,s);}
function I(n,t,e){const r=Math.sign(n[0]);return F(n,t,e,S(r),R(r));}
function J(n,t,e,r){return F(n,t,e,T(r),T(1/r));}
function V(n,t,e,r){return F(n,t,e,N(r),P(r));}
function W(n){return 1+~~(new Date(n).getMonth()/3);}
function H(n){return 1+~~(new Date(n).getUTCMonth()/3);}
function K(n){return null!=n?E(n)?n:[n]:[];}
function L(n,t,e){let r,u=n[0],o=n[1];return o<u&&(r=o,o=u,u=r),r=o-u,r>=e-t?[t,e]:[u=Math.min(Math.max(u,t),e-r),u+r];}
function Q(n){return"function"==typeof n;}
function X(t,r,u){u=u||{},r=K(r)||[];const o=[],l=[],c={},f=u.comparator||Z;return K(t).forEach((n,t)=>{null!=n&&(o.push("descending"===r[t]?-1:1),l.push(n=Q(n)?n:i(n,null,u)),(e(n)||[]).forEach(n=>c[n]=1));}),0===l.length?null:n(f(l,o),Object.keys(c));}
function en(n){return Q(n)?n:()=>n;}
function rn(n,t){let e;return r=>{e&&clearTimeout(e),e=setTimeout(()=>(t(r),e=null),n);};}
function un(n){for(let t,e,r=1,u=arguments.length;r<u;++r)for(e in t=arguments[r],t)n[e]=t[e];return n;}
function on(n,t){let e,r,u,o,l=0;if(n&&(e=n.length))if(null==t){for(r=n[l];l<e&&(null==r||r!=r);r=n[++l]);for(u=o=r;l<e;++l)r=n[l],null!=r&&(r<u&&(u=r),r>o&&(o=r));}else{for(r=t(n[l]);l<e&&(null==r||r!=r);r=t(n[++l]));for(u=o=r;l<e;++l)r=t(n[l]),null!=r&&(r<u&&(u=r),r>o&&(o=r));}return[u,o];}
function ln(n,t){const e=n.length;let r,u,o,l,c,i=-1;if(null==t){for(;++i<e;)if(u=n[i],null!=u&&u>=u){r=o=u;break;}if(i===e)return[-1,-1];for(l=c=i;++i<e;)u=n[i],null!=u&&(r>u&&(r=u,l=i),o<u&&(o=u,c=i));}else{for(;++i<e;)if(u=t(n[i],i,n),null!=u&&u>=u){r=o=u;break;}if(i===e)return[-1,-1];for(l=c=i;++i<e;)u=t(n[i],i,n),null!=u&&(r>u&&(r=u,l=i),o<u&&(o=u,c=i));}return[l,c];}
function cn(n,t){return Object.hasOwn(n,t);}
function sn(n){let t,e={};function r(n){return cn(e,n)&&e[n]!==fn;}const u={size:0,empty:0,object:e,has:r,get:n=>r(n)?e[n]:void 0,set(n,t){return r(n)||(++u.size,e[n]===fn&&--u.empty),e[n]=t,this;},delete(n){return r(n)&&(--u.size,++u.empty,e[n]=fn),this;},clear(){u.size=u.empty=0,u.object=e={};},test(n){return arguments.length?(t=n,u):t;},clean(){const n={};let r=0;for(const u in e){const o=e[u];o===fn||t&&t(o)||(n[u]=o,++r);}u.size=r,u.empty=0,u.object=e=n;}};return n&&Object.keys(n).forEach(t=>{u.set(t,n[t]);}),u;}
function an(n,t,e,r,u,o){if(!e&&0!==e)return o;const l=+e;let c,i=n[0],f=D(n);f<i&&(c=i,i=f,f=c),c=Math.abs(t-i);const s=Math.abs(f-t);return c<s&&c<=l?r:s<=l?u:o;}
function hn(n,t,e){const r=n.prototype=Object.create(t.prototype);return Object.defineProperty(r,"constructor",{value:n,writable:!0,enumerable:!0,configurable:!0}),un(r,e);}
function gn(n,t,e,r){let u,o=t[0],l=t[t.length-1];return o>l&&(u=o,o=l,l=u),r=void 0===r||r,((e=void 0===e||e)?o<=n:o<n)&&(r?n<=l:n<l);}
function pn(n){return"boolean"==typeof n;}
function bn(n){return"[object Date]"===Object.prototype.toString.call(n);}
function yn(n){return n&&Q(n[Symbol.iterator]);}
function mn(n){return"number"==typeof n;}
function Mn(n){return"[object RegExp]"===Object.prototype.toString.call(n);}
function On(n){return"string"==typeof n;}
function dn(t,e,u){t&&(t=e?K(t).map(n=>n.replace(/\\(.)/g,"$1")):K(t));const o=t&&t.length,l=u&&u.get||r,i=n=>l(e?[n]:c(n));let f;if(o)if(1===o){const n=i(t[0]);f=function(t){return""+n(t);};}else{const n=t.map(i);f=function(t){let e=""+n[0](t),r=0;for(;++r<o;)e+="|"+n[r](t);return e;};}else f=function(){return"";};return n(f,t,"key");}
function jn(n,t){const e=n[0],r=D(n),u=+t;return u?1===u?r:e+u*(r-e):e;}
function wn(n){let t,e,r;n=+n||1e4;const u=()=>{t={},e={},r=0;},o=(u,o)=>(++r>n&&(e=t,t={},r=1),t[u]=o);return u(),{clear:u,has:n=>cn(t,n)||cn(e,n),get:n=>cn(t,n)?t[n]:cn(e,n)?o(n,e[n]):void 0,set:(n,e)=>cn(t,n)?t[n]=e:o(n,e)};}
function En(n,t,e,r){const u=t.length,o=e.length;if(!o)return t;if(!u)return e;const l=r||new t.constructor(u+o);let c=0,i=0,f=0;for(;c<u&&i<o;++f)l[f]=n(t[c],e[i])>0?e[i++]:t[c++];for(;c<u;++c,++f)l[f]=t[c];for(;i<o;++i,++f)l[f]=e[i];return l;}
function vn(n,t){let e="";for(;--t>=0;)e+=n;return e;}
function An(n,t,e,r){const u=e||" ",o=n+"",l=t-o.length;return l<=0?o:"left"===r?vn(u,l)+o:"center"===r?vn(u,~~(l/2))+o+vn(u,Math.ceil(l/2)):o+vn(u,l);}
function _n(n){return n&&D(n)-n[0]||0;}
function kn(n){return E(n)?`[${n.map(n=>null===n?"null":kn(n))}]`:v(n)||On(n)?JSON.stringify(n).replaceAll("\u2028","\\u2028").replaceAll("\u2029","\\u2029"):n;}
function xn(n){return null==n||""===n?null:!(!n||"false"===n||"0"===n)&&!!n;}
function zn(n,t){return t=t||Dn,null==n||""===n?null:t(n);}
function Rn(n){return null==n||""===n?null:n+"";}
function Sn(n){const t={},e=n.length;for(let r=0;r<e;++r)t[n[r]]=!0;return t;}
function Nn(n,t,e,r){const u=null!=r?r:"…",o=n+"",l=o.length,c=Math.max(0,t-u.length);return l<=t?o:"left"===e?u+o.slice(l-c):"center"===e?o.slice(0,Math.ceil(c/2))+u+o.slice(l-~~(c/2)):o.slice(0,c)+u;}
function Pn(n,t,e){if(n)if(t){const r=n.length;for(let u=0;u<r;++u){const r=t(n[u]);r&&e(r,u,n);}}else n.forEach(e);}
function t1(r){return new Function("d","return {"+r.map(function(r,n){return JSON.stringify(r)+": d["+n+'] || ""';}).join(",")+"}");}
function e1(r){var n=Object.create(null),t=[];return r.forEach(function(r){for(var e in r)e in n||t.push(n[e]=e);}),t;}
function o1(r,n){var t=r+"",e=t.length;return e<n?new Array(n-e+1).join(0)+t:t;}
function a1(r){var n,t=r.getUTCHours(),e=r.getUTCMinutes(),a=r.getUTCSeconds(),u=r.getUTCMilliseconds();return isNaN(r)?"Invalid Date":((n=r.getUTCFullYear())<0?"-"+o1(-n,6):n>9999?"+"+o1(n,6):o1(n,4))+"-"+o1(r.getUTCMonth()+1,2)+"-"+o1(r.getUTCDate(),2)+(u?"T"+o1(t,2)+":"+o1(e,2)+":"+o1(a,2)+"."+o1(u,3)+"Z":a?"T"+o1(t,2)+":"+o1(e,2)+":"+o1(a,2)+"Z":e||t?"T"+o1(t,2)+":"+o1(e,2)+"Z":"");}
function u1(o){var u=new RegExp('["'+o+"\n\r]"),i=o.charCodeAt(0);function f(t,e){var o,a=[],u=t.length,f=0,c=0,s=u<=0,l=!1;function d(){if(s)return n1;if(l)return l=!1,r1;var e,o,a=f;if(34===t.charCodeAt(a)){for(;f++<u&&34!==t.charCodeAt(f)||34===t.charCodeAt(++f););return(e=f)>=u?s=!0:10===(o=t.charCodeAt(f++))?l=!0:13===o&&(l=!0,10===t.charCodeAt(f)&&++f),t.slice(a+1,e-1).replace(/""/g,'"');}for(;f<u;){if(10===(o=t.charCodeAt(e=f++)))l=!0;else if(13===o)l=!0,10===t.charCodeAt(f)&&++f;else if(o!==i)continue;return t.slice(a,e);}return s=!0,t.slice(a,u);}for(10===t.charCodeAt(u-1)&&--u,13===t.charCodeAt(u-1)&&--u;(o=d())!==n1;){for(var m=[];o!==r1&&o!==n1;)m.push(o),o=d();e&&null==(m=e(m,c++))||a.push(m);}return a;}function c(r,n){return r.map(function(r){return n.map(function(n){return l(r[n]);}).join(o);});}function s(r){return r.map(l).join(o);}function l(r){return null==r?"":r instanceof Date?a1(r):u.test(r+="")?'"'+r.replace(/"/g,'""')+'"':r;}return{parse:function(r,n){var e,o,a=f(r,function(r,a){if(e)return e(r,a-1);o=r,e=n?function(r,n){var e=t1(r);return function(t,o){return n(e(t),o,r);};}(r,n):t1(r);});return a.columns=o||[],a;},parseRows:f,format:function(r,n){return null==n&&(n=e1(r)),[n.map(l).join(o)].concat(c(r,n)).join("\n");},formatBody:function(r,n){return null==n&&(n=e1(r)),c(r,n).join("\n");},formatRows:function(r){return r.map(s).join("\n");},formatRow:s,formatValue:l};}
function r2(r){return r;}
function t2(t){if(null==t)return r2;var n,e,o=t.scale[0],a=t.scale[1],c=t.translate[0],i=t.translate[1];return function(r,t){t||(n=e=0);var u=2,f=r.length,s=new Array(f);for(s[0]=(n+=r[0])*o+c,s[1]=(e+=r[1])*a+i;u<f;)s[u]=r[u],++u;return s;};}
function e2(r,t){return"string"==typeof t&&(t=r.objects[t]),"GeometryCollection"===t.type?{type:"FeatureCollection",features:t.geometries.map(function(t){return o2(r,t);})}:o2(r,t);}
function o2(r,t){var n=t.id,e=t.bbox,o=null==t.properties?{}:t.properties,c=a2(r,t);return null==n&&null==e?{type:"Feature",properties:o,geometry:c}:null==e?{type:"Feature",id:n,properties:o,geometry:c}:{type:"Feature",id:n,bbox:e,properties:o,geometry:c};}
function a2(r,n){var e=t2(r.transform),o=r.arcs;function a(r,t){t.length&&t.pop();for(var n=o[r<0?~r:r],a=0,c=n.length;a<c;++a)t.push(e(n[a],a));r<0&&function(r,t){for(var n,e=r.length,o=e-t;o<--e;)n=r[o],r[o++]=r[e],r[e]=n;}(t,c);}function c(r){return e(r);}function i(r){for(var t=[],n=0,e=r.length;n<e;++n)a(r[n],t);return t.length<2&&t.push(t[0]),t;}function u(r){for(var t=i(r);t.length<4;)t.push(t[0]);return t;}function f(r){return r.map(u);}return function r(t){var n,e=t.type;switch(e){case"GeometryCollection":return{type:e,geometries:t.geometries.map(r)};case"Point":n=c(t.coordinates);break;case"MultiPoint":n=t.coordinates.map(c);break;case"LineString":n=i(t.arcs);break;case"MultiLineString":n=t.arcs.map(i);break;case"Polygon":n=f(t.arcs);break;case"MultiPolygon":n=t.arcs.map(f);break;default:return null;}return{type:e,coordinates:n};}(n);}
function c2(r,t){var n={},e={},o={},a=[],c=-1;function i(r,t){for(var e in r){var o=r[e];delete t[o.start],delete o.start,delete o.end,o.forEach(function(r){n[r<0?~r:r]=1;}),a.push(o);}}return t.forEach(function(n,e){var o,a=r.arcs[n<0?~n:n];a.length<3&&!a[1][0]&&!a[1][1]&&(o=t[++c],t[c]=n,t[e]=o);}),t.forEach(function(t){var n,a,c=function(t){var n,e=r.arcs[t<0?~t:t],o=e[0];r.transform?(n=[0,0],e.forEach(function(r){n[0]+=r[0],n[1]+=r[1];})):n=e[e.length-1];return t<0?[n,o]:[o,n];}(t),i=c[0],u=c[1];if(n=o[i])if(delete o[n.end],n.push(t),n.end=u,a=e[u]){delete e[a.start];var f=a===n?n:n.concat(a);e[f.start=n.start]=o[f.end=a.end]=f;}else e[n.start]=o[n.end]=n;else if(n=e[u])if(delete e[n.start],n.unshift(t),n.start=i,a=o[i]){delete o[a.end];var s=a===n?n:a.concat(n);e[s.start=a.start]=o[s.end=n.end]=s;}else e[n.start]=o[n.end]=n;else e[(n=[t]).start=i]=o[n.end=u]=n;}),i(o,e),i(e,o),t.forEach(function(r){n[r<0?~r:r]||a.push([r]);}),a;}
function i2(r){return a2(r,u2.apply(this,arguments));}
function u2(r,t,n){var e,o,a;if(arguments.length>1)e=function(r,t,n){var e,o=[],a=[];function c(r){var t=r<0?~r:r;(a[t]||(a[t]=[])).push({i:r,g:e});}function i(r){r.forEach(c);}function u(r){r.forEach(i);}function f(r){r.forEach(u);}function s(r){switch(e=r,r.type){case"GeometryCollection":r.geometries.forEach(s);break;case"LineString":i(r.arcs);break;case"MultiLineString":case"Polygon":u(r.arcs);break;case"MultiPolygon":f(r.arcs);}}return s(t),a.forEach(null==n?function(r){o.push(r[0].i);}:function(r){n(r[0].g,r[r.length-1].g)&&o.push(r[0].i);}),o;}(0,t,n);else for(o=0,e=new Array(a=r.arcs.length);o<a;++o)e[o]=o;return{type:"MultiLineString",arcs:c2(r,e)};}
function r3({_intern:e,_key:t},r){const n=t(r);return e.has(n)?e.get(n):r;}
function n2({_intern:e,_key:t},r){const n=t(r);return e.has(n)?e.get(n):(e.set(n,r),r);}
function s2({_intern:e,_key:t},r){const n=t(r);return e.has(n)&&(r=e.get(n),e.delete(n)),r;}
function u3(e){return null!==e&&"object"==typeof e?e.valueOf():e;}
function r4(t,n){return null==t||null==n?NaN:t<n?-1:t>n?1:t>=n?0:NaN;}
function o3(t,n){return null==t||null==n?NaN:n<t?-1:n>t?1:n>=t?0:NaN;}
function e4(t){let n,e,i;function u(t,r,o=0,f=t.length){if(o<f){if(0!==n(r,r))return f;do{const n=o+f>>>1;e(t[n],r)<0?o=n+1:f=n;}while(o<f)}return o;}return 2!==t.length?(n=r4,e=(n,o)=>r4(t(n),o),i=(n,r)=>t(n)-r):(n=t===r4||t===o3?t:f2,e=t,i=t),{left:u,center:function(t,n,r=0,o=t.length){const e=u(t,n,r,o-1);return e>r&&i(t[e-1],n)>-i(t[e],n)?e-1:e;},right:function(t,r,o=0,f=t.length){if(o<f){if(0!==n(r,r))return f;do{const n=o+f>>>1;e(t[n],r)<=0?o=n+1:f=n;}while(o<f)}return o;}};}
function f2(){return 0;}
function i3(t){return null===t?NaN:+t;}
function d1(t){return function(n,r,o=r){if(!((r=+r)>=0))throw new RangeError("invalid rx");if(!((o=+o)>=0))throw new RangeError("invalid ry");let{data:e,width:f,height:i}=n;if(!((f=Math.floor(f))>=0))throw new RangeError("invalid width");if(!((i=Math.floor(void 0!==i?i:e.length/f))>=0))throw new RangeError("invalid height");if(!f||!i||!r&&!o)return n;const u=r&&t(r),l=o&&t(o),c=e.slice();return u&&l?(p2(u,c,e,f,i),p2(u,e,c,f,i),p2(u,c,e,f,i),m1(l,e,c,f,i),m1(l,c,e,f,i),m1(l,e,c,f,i)):u?(p2(u,e,c,f,i),p2(u,c,e,f,i),p2(u,e,c,f,i)):l&&(m1(l,e,c,f,i),m1(l,c,e,f,i),m1(l,e,c,f,i)),n;};}
function p2(t,n,r,o,e){for(let f=0,i=o*e;f<i;)t(n,r,f,f+=o,1);}
function m1(t,n,r,o,e){for(let f=0,i=o*e;f<o;++f)t(n,r,f,f+i,o);}
function M(t){const n=Math.floor(t);if(n===t)return function(t){const n=2*t+1;return(r,o,e,f,i)=>{if(!((f-=i)>=e))return;let u=t*o[e];const l=i*t;for(let t=e,n=e+l;t<n;t+=i)u+=o[Math.min(f,t)];for(let t=e,c=f;t<=c;t+=i)u+=o[Math.min(f,t+l)],r[t]=u/n,u-=o[Math.max(e,t-l)];};}(t);const r=t-n,o=2*t+1;return(t,e,f,i,u)=>{if(!((i-=u)>=f))return;let l=n*e[f];const c=u*n,a=c+u;for(let t=f,n=f+c;t<n;t+=u)l+=e[Math.min(i,t)];for(let n=f,s=i;n<=s;n+=u)l+=e[Math.min(i,n+c)],t[n]=(l+r*(e[Math.max(f,n-a)]+e[Math.min(i,n+a)]))/o,l-=e[Math.max(f,n-c)];};}
function N1(t,n){let r,o=0,e=0,f=0;if(void 0===n)for(let n of t)null!=n&&(n=+n)>=n&&(r=n-e,e+=r/++o,f+=r*(n-e));else{let i=-1;for(let u of t)null!=(u=n(u,++i,t))&&(u=+u)>=u&&(r=u-e,e+=r/++o,f+=r*(u-e));}if(o>1)return f/(o-1);}
function E1(t,n){const r=N1(t,n);return r?Math.sqrt(r):r;}
function G1(t,n){return Array.from(n,n=>t[n]);}
function J1(t=r4){if(t===r4)return K1;if("function"!=typeof t)throw new TypeError("compare is not a function");return(n,r)=>{const o=t(n,r);return o||0===o?o:(0===t(r,r))-(0===t(n,n));};}
function K1(t,n){return(null==t||!(t>=t))-(null==n||!(n>=n))||(t<n?-1:t>n?1:0);}
function Z1(t,n,r){const o=(n-t)/Math.max(0,r),e=Math.floor(Math.log10(o)),f=o/Math.pow(10,e),i=f>=W1?10:f>=X1?5:f>=Y1?2:1;let u,l,c;return e<0?(c=Math.pow(10,-e)/i,u=Math.round(t*c),l=Math.round(n*c),u/c<t&&++u,l/c>n&&--l,c=-c):(c=Math.pow(10,e)*i,u=Math.round(t/c),l=Math.round(n/c),u*c<t&&++u,l*c>n&&--l),l<u&&.5<=r&&r<2?Z1(t,n,2*r):[u,l,c];}
function $1(t,n,r){if(!((r=+r)>0))return[];if((t=+t)===(n=+n))return[t];const o=n<t,[e,f,i]=o?Z1(n,t,r):Z1(t,n,r);if(!(f>=e))return[];const u=f-e+1,l=new Array(u);if(o)if(i<0)for(let t=0;t<u;++t)l[t]=(f-t)/-i;else for(let t=0;t<u;++t)l[t]=(f-t)*i;else if(i<0)for(let t=0;t<u;++t)l[t]=(e+t)/-i;else for(let t=0;t<u;++t)l[t]=(e+t)*i;return l;}
function tt(t,n,r){return Z1(t=+t,n=+n,r=+r)[2];}
function nt(t,n,r){r=+r;const o=(n=+n)<(t=+t),e=o?tt(n,t,r):tt(t,n,r);return(o?-1:1)*(e<0?1/-e:e);}
function ft(t,n){let r;if(void 0===n)for(const n of t)null!=n&&(r<n||void 0===r&&n>=n)&&(r=n);else{let o=-1;for(let e of t)null!=(e=n(e,++o,t))&&(r<e||void 0===r&&e>=e)&&(r=e);}return r;}
function ut(t,n){let r;if(void 0===n)for(const n of t)null!=n&&(r>n||void 0===r&&n>=n)&&(r=n);else{let o=-1;for(let e of t)null!=(e=n(e,++o,t))&&(r>e||void 0===r&&e>=e)&&(r=e);}return r;}
function ct(t,n,r=0,o=1/0,e){if(n=Math.floor(n),r=Math.floor(Math.max(0,r)),o=Math.floor(Math.min(t.length-1,o)),!(r<=n&&n<=o))return t;for(e=void 0===e?K1:J1(e);o>r;){if(o-r>600){const f=o-r+1,i=n-r+1,u=Math.log(f),l=.5*Math.exp(2*u/3),c=.5*Math.sqrt(u*l*(f-l)/f)*(i-f/2<0?-1:1);ct(t,n,Math.max(r,Math.floor(n-i*l/f+c)),Math.min(o,Math.floor(n+(f-i)*l/f+c)),e);}const f=t[n];let i=r,u=o;for(at(t,r,n),e(t[o],f)>0&&at(t,r,o);i<u;){for(at(t,i,u),++i,--u;e(t[i],f)<0;)++i;for(;e(t[u],f)>0;)--u;}0===e(t[r],f)?at(t,r,u):(++u,at(t,u,o)),u<=n&&(r=u+1),n<=u&&(o=u-1);}return t;}
function at(t,n,r){const o=t[n];t[n]=t[r],t[r]=o;}
function ht(t,n,r){if(t=Float64Array.from(function*(t,n){if(void 0===n)for(let n of t)null!=n&&(n=+n)>=n&&(yield n);else{let r=-1;for(let o of t)null!=(o=n(o,++r,t))&&(o=+o)>=o&&(yield o);}}(t,r)),(o=t.length)&&!isNaN(n=+n)){if(n<=0||o<2)return ut(t);if(n>=1)return ft(t);var o,e=(o-1)*n,f=Math.floor(e),i=ft(ct(t,f).subarray(0,f+1));return i+(ut(t.subarray(f+1))-i)*(e-f);}}
function yt(t,n,r=i3){if((o=t.length)&&!isNaN(n=+n)){if(n<=0||o<2)return+r(t[0],0,t);if(n>=1)return+r(t[o-1],o-1,t);var o,e=(o-1)*n,f=Math.floor(e),u=+r(t[f],f,t);return u+(+r(t[f+1],f+1,t)-u)*(e-f);}}
function Mt(t,n){let r=0,o=0;if(void 0===n)for(let n of t)null!=n&&(n=+n)>=n&&(++r,o+=n);else{let e=-1;for(let f of t)null!=(f=n(f,++e,t))&&(f=+f)>=f&&(++r,o+=f);}if(r)return o/r;}
function vt(t,n){return ht(t,.5,n);}
function gt(t){return Array.from(function*(t){for(const n of t)yield*n;}(t));}
function Nt(t,n,r){t=+t,n=+n,r=(e=arguments.length)<2?(n=t,t=0,1):e<3?1:+r;for(var o=-1,e=0|Math.max(0,Math.ceil((n-t)/r)),f=new Array(e);++o<e;)f[o]=t+o*r;return f;}
function qt(t){return function(n,r=0,o=n.length){let e=o-(r=+r);for(;e;){const o=t()*e--|0,f=n[e+r];n[e+r]=n[o+r],n[o+r]=f;}return n;};}
function jt(t,n){let r=0;if(void 0===n)for(let n of t)(n=+n)&&(r+=n);else{let o=-1;for(let e of t)(e=+n(e,++o,t))&&(r+=e);}return r;}
function Jt(t,...r){t=new t3(t),r=r.map(Kt);t:for(const n of t)for(const o of r)if(!o.has(n)){t.delete(n);continue t;}return t;}
function Kt(t){return t instanceof t3?t:new t3(t);}
function Wt(...t){const r=new t3;for(const n of t)for(const t of n)r.add(t);return r;}
function t4(t,i){if((n=(t=i?t.toExponential(i-1):t.toExponential()).indexOf("e"))<0)return null;var n,r=t.slice(0,n);return[r.length>1?r[0]+r.slice(2):r,+t.slice(n+1)];}
function i4(i){return(i=t4(Math.abs(i)))?i[1]:NaN;}
function e5(t){if(!(i=r5.exec(t)))throw new Error("invalid format: "+t);var i;return new o4({fill:i[1],align:i[2],sign:i[3],symbol:i[4],zero:i[5],width:i[6],comma:i[7],precision:i[8]&&i[8].slice(1),trim:i[9],type:i[10]});}
function o4(t){this.fill=void 0===t.fill?" ":t.fill+"",this.align=void 0===t.align?">":t.align+"",this.sign=void 0===t.sign?"-":t.sign+"",this.symbol=void 0===t.symbol?"":t.symbol+"",this.zero=!!t.zero,this.width=void 0===t.width?void 0:+t.width,this.comma=!!t.comma,this.precision=void 0===t.precision?void 0:+t.precision,this.trim=!!t.trim,this.type=void 0===t.type?"":t.type+"";}
function a4(i,n){var r=t4(i,n);if(!r)return i+"";var e=r[0],o=r[1];return o<0?"0."+new Array(-o).join("0")+e:e.length>o+1?e.slice(0,o+1)+"."+e.slice(o+1):e+new Array(o-e.length+2).join("0");}
function h2(t){return t;}
function d2(t){var r,o,a=void 0===t.grouping||void 0===t.thousands?h2:(r=f3.call(t.grouping,Number),o=t.thousands+"",function(t,i){for(var n=t.length,e=[],a=0,s=r[0],h=0;n>0&&s>0&&(h+s+1>i&&(s=Math.max(1,i-h)),e.push(t.substring(n-=s,n+s)),!((h+=s+1)>i));)s=r[a=(a+1)%r.length];return e.reverse().join(o);}),c=void 0===t.currency?"":t.currency[0]+"",l=void 0===t.currency?"":t.currency[1]+"",u=void 0===t.decimal?".":t.decimal+"",d=void 0===t.numerals?h2:function(t){return function(i){return i.replace(/[0-9]/g,function(i){return t[+i];});};}(f3.call(t.numerals,String)),g=void 0===t.percent?"%":t.percent+"",p=void 0===t.minus?"−":t.minus+"",v=void 0===t.nan?"NaN":t.nan+"";function M(t){var i=(t=e5(t)).fill,r=t.align,o=t.sign,h=t.symbol,f=t.zero,M=t.width,y=t.comma,x=t.precision,b=t.trim,w=t.type;"n"===w?(y=!0,w="g"):s3[w]||(void 0===x&&(x=12),b=!0,w="g"),(f||"0"===i&&"="===r)&&(f=!0,i="0",r="=");var S="$"===h?c:"#"===h&&/[boxX]/.test(w)?"0"+w.toLowerCase():"",k="$"===h?l:/[%p]/.test(w)?g:"",z=s3[w],A=/[defgprs%]/.test(w);function N(t){var e,s,h,c=S,l=k;if("c"===w)l=z(t)+l,t="";else{var g=(t=+t)<0||1/t<0;if(t=isNaN(t)?v:z(Math.abs(t),x),b&&(t=function(t){t:for(var i,n=t.length,r=1,e=-1;r<n;++r)switch(t[r]){case".":e=i=r;break;case"0":0===e&&(e=r),i=r;break;default:if(!+t[r])break t;e>0&&(e=0);}return e>0?t.slice(0,e)+t.slice(i+1):t;}(t)),g&&0==+t&&"+"!==o&&(g=!1),c=(g?"("===o?o:p:"-"===o||"("===o?"":o)+c,l=("s"===w?m2[8+n3/3]:"")+l+(g&&"("===o?")":""),A){for(e=-1,s=t.length;++e<s;)if(48>(h=t.charCodeAt(e))||h>57){l=(46===h?u+t.slice(e+1):t.slice(e))+l,t=t.slice(0,e);break;}}}y&&!f&&(t=a(t,1/0));var N=c.length+t.length+l.length,j=N<M?new Array(M-N+1).join(i):"";switch(y&&f&&(t=a(j+t,j.length?M-l.length:1/0),j=""),r){case"<":t=c+t+l+j;break;case"=":t=c+j+t+l;break;case"^":t=j.slice(0,N=j.length>>1)+c+t+l+j.slice(N);break;default:t=j+c+t+l;}return d(t);}return x=void 0===x?6:/[gprs]/.test(w)?Math.max(1,Math.min(21,x)):Math.max(0,Math.min(20,x)),N.toString=function(){return t+"";},N;}return{format:M,formatPrefix:function(t,n){var r=M(((t=e5(t)).type="f",t)),o=3*Math.max(-8,Math.min(8,Math.floor(i4(n)/3))),a=Math.pow(10,-o),s=m2[8+o/3];return function(t){return r(a*t)+s;};}};}
function g2(t){return c4=d2(t),l3=c4.format,u5=c4.formatPrefix,c4;}
function p3(t){return Math.max(0,-i4(Math.abs(t)));}
function v2(t,n){return Math.max(0,3*Math.max(-8,Math.min(8,Math.floor(i4(n)/3)))-i4(Math.abs(t)));}
function M1(t,n){return t=Math.abs(t),n=Math.abs(n)-t,Math.max(0,i4(n)-i4(t))+1;}
function r6(e,t,a,o){function l(t){return e(t=0===arguments.length?new Date:new Date(+t)),t;}return l.floor=t=>(e(t=new Date(+t)),t),l.ceil=n=>(e(n=new Date(n-1)),t(n,1),e(n),n),l.round=e=>{const t=l(e),n=l.ceil(e);return e-t<n-e?t:n;},l.offset=(e,n)=>(t(e=new Date(+e),null==n?1:Math.floor(n)),e),l.range=(n,s,r)=>{const a=[];if(n=l.ceil(n),r=null==r?1:Math.floor(r),!(n<s&&r>0))return a;let o;do{a.push(o=new Date(+n)),t(n,r),e(n);}while(o<n&&n<s)return a;},l.filter=n=>r6(t=>{if(t>=t)for(;e(t),!n(t);)t.setTime(t-1);},(e,s)=>{if(e>=e)if(s<0)for(;++s<=0;)for(;t(e,-1),!n(e););else for(;--s>=0;)for(;t(e,1),!n(e););}),a&&(l.count=(t,r)=>(n4.setTime(+t),s4.setTime(+r),e(n4),e(s4),Math.floor(a(n4,s4))),l.every=e=>(e=Math.floor(e),isFinite(e)&&e>0?e>1?l.filter(o?t=>o(t)%e==0:t=>l.count(0,t)%e==0):l:null)),l;}
function z1(e){return r6(t=>{t.setDate(t.getDate()-(t.getDay()+7-e)%7),t.setHours(0,0,0,0);},(e,t)=>{e.setDate(e.getDate()+7*t);},(e,t)=>(t-e-(t.getTimezoneOffset()-e.getTimezoneOffset())*6e4)/6048e5);}
function N2(e){return r6(t=>{t.setUTCDate(t.getUTCDate()-(t.getUTCDay()+7-e)%7),t.setUTCHours(0,0,0,0);},(e,t)=>{e.setUTCDate(e.getUTCDate()+7*t);},(e,t)=>(t-e)/6048e5);}
function Ce(n,s,r,o,U,M){const h=[[C2,1,1e3],[C2,5,5e3],[C2,15,15e3],[C2,30,3e4],[M,1,6e4],[M,5,3e5],[M,15,9e5],[M,30,18e5],[U,1,36e5],[U,3,108e5],[U,6,216e5],[U,12,432e5],[o,1,864e5],[o,2,1728e5],[r,1,6048e5],[s,1,2592e6],[s,3,7776e6],[n,1,31536e6]];function m(s,r,o){const l=Math.abs(r-s)/o,g=e4(([,,e])=>e).right(h,l);if(g===h.length)return n.every(nt(s/31536e6,r/31536e6,o));if(0===g)return a5.every(Math.max(nt(s,r,o),1));const[u,i]=h[l/h[g-1][2]<h[g][2]/l?g-1:g];return u.every(i);}return[function(e,t,n){const s=t<e;s&&([e,t]=[t,e]);const r=n&&"function"==typeof n.range?n:m(e,t,n),a=r?r.range(e,+t+1):[];return s?a.reverse():a;},m];}
function z2(r){const o=K(r).slice(),u={};o.length||l("Missing time unit."),o.forEach(t=>{cn(W3,t)?u[t]=1:l(`Invalid time unit: ${t}.`);});return(u[S2]||u[k2]?1:0)+(u[x2]||u[H2]||u[j1]?1:0)+(u[q2]?1:0)>1&&l(`Incompatible time units: ${r}`),o.sort((t,e)=>W3[t]-W3[e]),o;}
function G3(t,e){const n=un({},A3,e),o=z2(t),u=o.length;let i,c,s="",a=0;for(a=0;a<u;)for(i=o.length;i>a;--i)if(c=o.slice(a,i).join("-"),null!=n[c]){s+=n[c],a=i;break;}return s.trim();}
function K3(t){return J3.setFullYear(t),J3.setMonth(0),J3.setDate(1),J3.setHours(0,0,0,0),J3;}
function N3(t){return P2(new Date(t));}
function O1(t){return R3(new Date(t));}
function P2(t){return y1.count(K3(t.getFullYear())-1,t);}
function R3(t){return O.count(K3(t.getFullYear())-1,t);}
function V2(t){return K3(t).getDay();}
function X3(t,e,n,r,o,u,i){if(0<=t&&t<100){const c=new Date(-1,e,n,r,o,u,i);return c.setFullYear(t),c;}return new Date(t,e,n,r,o,u,i);}
function Z3(t){return tt1(new Date(t));}
function _2(t){return et(new Date(t));}
function tt1(t){const e=Date.UTC(t.getUTCFullYear(),0,1);return v3.count(e-1,t);}
function et(t){const e=Date.UTC(t.getUTCFullYear(),0,1);return P1.count(e-1,t);}
function nt1(t){return J3.setTime(Date.UTC(t,0,1)),J3.getUTCDay();}
function rt(t,e,n,r,o,u,i){if(0<=t&&t<100){const t=new Date(Date.UTC(-1,e,n,r,o,u,i));return t.setUTCFullYear(n.y),t;}return new Date(Date.UTC(t,e,n,r,o,u,i));}
function ot(t,e,n,r,o){const l=e||1,f=D(t),g=(t,e,o)=>(function(t,e,n,r){const o=n<=1?t:r?(e,o)=>r+n*Math.floor((t(e,o)-r)/n):(e,r)=>n*Math.floor(t(e,r)/n);return e?(t,n)=>e(o(t,n),n):o;})(n[o=o||t],r[o],t===f&&l,e),m=new Date,D1=Sn(t),T=D1[b2]?g(b2):en(2012),U=D1[H2]?g(H2):D1[x2]?g(x2):a,h1=D1[S2]&&D1[k2]?g(k2,1,S2+k2):D1[S2]?g(S2,1):D1[k2]?g(k2,1):D1[j1]?g(j1,1):D1[q2]?g(q2,1):h,C=D1[I2]?g(I2):a,d=D1[B2]?g(B2):a,M=D1[E3]?g(E3):a,y=D1[L2]?g(L2):a;return function(t){m.setTime(+t);const e=T(m);return o(e,U(m),h1(m,e),C(m),d(m),M(m),y(m));};}
function ut1(t,e,n){return e+7*t-(n+6)%7;}
function st(t,e){return ot(t,e||1,it,ct1,X3);}
function ft1(t,e){return ot(t,e||1,at1,lt,rt);}
function Dt(t){return gt1[t];}
function Tt(t){return mt[t];}
function Ut(t,e,n){return t?t.offset(e,n):void 0;}
function ht1(t,e,n){return Ut(Dt(t),e,n);}
function Ct(t,e,n){return Ut(Tt(t),e,n);}
function dt(t,e,n,r){return t?t.range(e,n,r):void 0;}
function Mt1(t,e,n,r){return dt(Dt(t),e,n,r);}
function yt1(t,e,n,r){return dt(Tt(t),e,n,r);}
function Bt(t){const e=t.extent,n=t.maxbins||40,r=Math.abs(_n(e))/n;let u,i,c=e4(t=>t[2]).right(It,r);return c===It.length?(u=qt1,i=nt(e[0]/vt1,e[1]/vt1,n)):c?(c=It[r/It[c-1][2]<It[c][2]/r?c-1:c],u=c[0],i=c[1]):(u=bt,i=Math.max(nt(e[0],e[1],n),1)),{units:u,step:i};}
function l5(n){if(0<=n.y&&n.y<100){var t=new Date(-1,n.m,n.d,n.H,n.M,n.S,n.L);return t.setFullYear(n.y),t;}return new Date(n.y,n.m,n.d,n.H,n.M,n.S,n.L);}
function g4(n){if(0<=n.y&&n.y<100){var t=new Date(Date.UTC(-1,n.m,n.d,n.H,n.M,n.S,n.L));return t.setUTCFullYear(n.y),t;}return new Date(Date.UTC(n.y,n.m,n.d,n.H,n.M,n.S,n.L));}
function s5(n,t,e){return{y:n,m:t,d:e,H:0,M:0,S:0,L:0};}
function h4(t){var e=t.dateTime,r=t.date,o=t.time,c=t.periods,a=t.days,h=t.shortDays,y=t.months,v=t.shortMonths,d=p5(c),m=S3(c),D=p5(a),M=S3(a),T=p5(h),U=S3(h),x=p5(y),w=S3(y),un=p5(v),pn=S3(v),qn={a:function(n){return h[n.getDay()];},A:function(n){return a[n.getDay()];},b:function(n){return v[n.getMonth()];},B:function(n){return y[n.getMonth()];},c:null,d:$3,e:$3,f:k3,g:ln1,G:sn1,H:z3,I:E4,j:R4,L:_3,m:K4,M:nn1,p:function(n){return c[+(n.getHours()>=12)];},q:function(n){return 1+~~(n.getMonth()/3);},Q:Vn,s:jn1,S:tn1,u:en1,U:rn1,V:on1,w:cn1,W:an1,x:null,X:null,y:fn1,Y:gn1,Z:hn1,"%":bn1},In={a:function(n){return h[n.getUTCDay()];},A:function(n){return a[n.getUTCDay()];},b:function(n){return v[n.getUTCMonth()];},B:function(n){return y[n.getUTCMonth()];},c:null,d:yn1,e:yn1,f:Cn,g:Yn,G:Zn,H:vn1,I:dn1,j:mn1,L:Dn1,m:Mn1,M:Tn,p:function(n){return c[+(n.getUTCHours()>=12)];},q:function(n){return 1+~~(n.getUTCMonth()/3);},Q:Vn,s:jn1,S:Un,u:xn1,U:wn1,V:Sn1,w:Fn,W:Ln,x:null,X:null,y:Hn,Y:An1,Z:Wn,"%":bn1},Jn={a:function(n,t,e){var r=T.exec(t.slice(e));return r?(n.w=U.get(r[0].toLowerCase()),e+r[0].length):-1;},A:function(n,t,e){var r=D.exec(t.slice(e));return r?(n.w=M.get(r[0].toLowerCase()),e+r[0].length):-1;},b:function(n,t,e){var r=un.exec(t.slice(e));return r?(n.m=pn.get(r[0].toLowerCase()),e+r[0].length):-1;},B:function(n,t,e){var r=x.exec(t.slice(e));return r?(n.m=w.get(r[0].toLowerCase()),e+r[0].length):-1;},c:function(n,t,r){return On(n,e,t,r);},d:q3,e:q3,f:N4,g:W4,G:Z4,H:J4,I:J4,j:I3,L:O2,m:j2,M:Q3,p:function(n,t,e){var r=d.exec(t.slice(e));return r?(n.p=m.get(r[0].toLowerCase()),e+r[0].length):-1;},q:V3,Q:B3,s:G4,S:X4,u:L3,U:H3,V:Y3,w:F3,W:A4,x:function(n,t,e){return On(n,r,t,e);},X:function(n,t,e){return On(n,o,t,e);},y:W4,Y:Z4,Z:b3,"%":P3};function Qn(n,t){return function(e){var r,u,i,o=[],c=-1,a=0,f=n.length;for(e instanceof Date||(e=new Date(+e));++c<f;)37===n.charCodeAt(c)&&(o.push(n.slice(a,c)),null!=(u=C3[r=n.charAt(++c)])?r=n.charAt(++c):u="e"===r?" ":"0",(i=t[r])&&(r=i(e,u)),o.push(r),a=c+1);return o.push(n.slice(a,c)),o.join("");};}function Xn(t,e){return function(r){var o,c,a=s5(1900,void 0,1);if(On(a,t,r+="",0)!=r.length)return null;if("Q"in a)return new Date(a.Q);if("s"in a)return new Date(1e3*a.s+("L"in a?a.L:0));if(e&&!("Z"in a)&&(a.Z=0),"p"in a&&(a.H=a.H%12+12*a.p),void 0===a.m&&(a.m="q"in a?a.q:0),"V"in a){if(a.V<1||a.V>53)return null;"w"in a||(a.w=1),"Z"in a?(c=(o=g4(s5(a.y,0,1))).getUTCDay(),o=c>4||0===c?Q1.ceil(o):Q1(o),o=v3.offset(o,7*(a.V-1)),a.y=o.getUTCFullYear(),a.m=o.getUTCMonth(),a.d=o.getUTCDate()+(a.w+6)%7):(c=(o=l5(s5(a.y,0,1))).getDay(),o=c>4||0===c?W2.ceil(o):W2(o),o=y1.offset(o,7*(a.V-1)),a.y=o.getFullYear(),a.m=o.getMonth(),a.d=o.getDate()+(a.w+6)%7);}else("W"in a||"U"in a)&&("w"in a||(a.w="u"in a?a.u%7:"W"in a?1:0),c="Z"in a?g4(s5(a.y,0,1)).getUTCDay():l5(s5(a.y,0,1)).getDay(),a.m=0,a.d="W"in a?(a.w+6)%7+7*a.W-(c+5)%7:a.w+7*a.U-(c+6)%7);return"Z"in a?(a.H+=a.Z/100|0,a.M+=a.Z%100,g4(a)):l5(a);};}function On(n,t,e,r){for(var u,i,o=0,c=t.length,a=e.length;o<c;){if(r>=a)return-1;if(37===(u=t.charCodeAt(o++))){if(u=t.charAt(o++),!(i=Jn[u in C3?t.charAt(o++):u])||(r=i(n,e,r))<0)return-1;}else if(u!=e.charCodeAt(r++))return-1;}return r;}return qn.x=Qn(r,qn),qn.X=Qn(o,qn),qn.c=Qn(e,qn),In.x=Qn(r,In),In.X=Qn(o,In),In.c=Qn(e,In),{format:function(n){var t=Qn(n+="",qn);return t.toString=function(){return n;},t;},parse:function(n){var t=Xn(n+="",!1);return t.toString=function(){return n;},t;},utcFormat:function(n){var t=Qn(n+="",In);return t.toString=function(){return n;},t;},utcParse:function(n){var t=Xn(n+="",!0);return t.toString=function(){return n;},t;}};}
function x3(n,t,e){var r=n<0?"-":"",u=(r?-n:n)+"",i=u.length;return r+(i<e?new Array(e-i+1).join(t)+u:u);}
function w3(n){return n.replace(U2,"\\$&");}
function p5(n){return new RegExp("^(?:"+n.map(w3).join("|")+")","i");}
function S3(n){return new Map(n.map((n,t)=>[n.toLowerCase(),t]));}
function F3(n,t,e){var r=M3.exec(t.slice(e,e+1));return r?(n.w=+r[0],e+r[0].length):-1;}
function L3(n,t,e){var r=M3.exec(t.slice(e,e+1));return r?(n.u=+r[0],e+r[0].length):-1;}
function H3(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.U=+r[0],e+r[0].length):-1;}
function Y3(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.V=+r[0],e+r[0].length):-1;}
function A4(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.W=+r[0],e+r[0].length):-1;}
function Z4(n,t,e){var r=M3.exec(t.slice(e,e+4));return r?(n.y=+r[0],e+r[0].length):-1;}
function W4(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.y=+r[0]+(+r[0]>68?1900:2e3),e+r[0].length):-1;}
function b3(n,t,e){var r=/^(Z)|([+-]\d\d)(?::?(\d\d))?/.exec(t.slice(e,e+6));return r?(n.Z=r[1]?0:-(r[2]+(r[3]||"00")),e+r[0].length):-1;}
function V3(n,t,e){var r=M3.exec(t.slice(e,e+1));return r?(n.q=3*r[0]-3,e+r[0].length):-1;}
function j2(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.m=r[0]-1,e+r[0].length):-1;}
function q3(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.d=+r[0],e+r[0].length):-1;}
function I3(n,t,e){var r=M3.exec(t.slice(e,e+3));return r?(n.m=0,n.d=+r[0],e+r[0].length):-1;}
function J4(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.H=+r[0],e+r[0].length):-1;}
function Q3(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.M=+r[0],e+r[0].length):-1;}
function X4(n,t,e){var r=M3.exec(t.slice(e,e+2));return r?(n.S=+r[0],e+r[0].length):-1;}
function O2(n,t,e){var r=M3.exec(t.slice(e,e+3));return r?(n.L=+r[0],e+r[0].length):-1;}
function N4(n,t,e){var r=M3.exec(t.slice(e,e+6));return r?(n.L=Math.floor(r[0]/1e3),e+r[0].length):-1;}
function P3(n,t,e){var r=T2.exec(t.slice(e,e+1));return r?e+r[0].length:-1;}
function B3(n,t,e){var r=M3.exec(t.slice(e));return r?(n.Q=+r[0],e+r[0].length):-1;}
function G4(n,t,e){var r=M3.exec(t.slice(e));return r?(n.s=+r[0],e+r[0].length):-1;}
function $3(n,t){return x3(n.getDate(),t,2);}
function z3(n,t){return x3(n.getHours(),t,2);}
function E4(n,t){return x3(n.getHours()%12||12,t,2);}
function R4(e,r){return x3(1+y1.count(ie(e),e),r,3);}
function _3(n,t){return x3(n.getMilliseconds(),t,3);}
function k3(n,t){return _3(n,t)+"000";}
function K4(n,t){return x3(n.getMonth()+1,t,2);}
function nn1(n,t){return x3(n.getMinutes(),t,2);}
function tn1(n,t){return x3(n.getSeconds(),t,2);}
function en1(n){var t=n.getDay();return 0===t?7:t;}
function rn1(n,r){return x3(O.count(ie(n)-1,n),r,2);}
function un1(n){var t=n.getDay();return t>=4||0===t?j(n):j.ceil(n);}
function on1(n,e){return n=un1(n),x3(j.count(ie(n),n)+(4===ie(n).getDay()),e,2);}
function cn1(n){return n.getDay();}
function an1(n,e){return x3(W2.count(ie(n)-1,n),e,2);}
function fn1(n,t){return x3(n.getFullYear()%100,t,2);}
function ln1(n,t){return x3((n=un1(n)).getFullYear()%100,t,2);}
function gn1(n,t){return x3(n.getFullYear()%1e4,t,4);}
function sn1(n,t){var e=n.getDay();return x3((n=e>=4||0===e?j(n):j.ceil(n)).getFullYear()%1e4,t,4);}
function hn1(n){var t=n.getTimezoneOffset();return(t>0?"-":(t*=-1,"+"))+x3(t/60|0,"0",2)+x3(t%60,"0",2);}
function yn1(n,t){return x3(n.getUTCDate(),t,2);}
function vn1(n,t){return x3(n.getUTCHours(),t,2);}
function dn1(n,t){return x3(n.getUTCHours()%12||12,t,2);}
function mn1(n,t){return x3(1+v3.count(ce(n),n),t,3);}
function Dn1(n,t){return x3(n.getUTCMilliseconds(),t,3);}
function Cn(n,t){return Dn1(n,t)+"000";}
function Mn1(n,t){return x3(n.getUTCMonth()+1,t,2);}
function Tn(n,t){return x3(n.getUTCMinutes(),t,2);}
function Un(n,t){return x3(n.getUTCSeconds(),t,2);}
function xn1(n){var t=n.getUTCDay();return 0===t?7:t;}
function wn1(n,t){return x3(P1.count(ce(n)-1,n),t,2);}
function pn1(n){var t=n.getUTCDay();return t>=4||0===t?X2(n):X2.ceil(n);}
function Sn1(n,t){return n=pn1(n),x3(X2.count(ce(n),n)+(4===ce(n).getUTCDay()),t,2);}
function Fn(n){return n.getUTCDay();}
function Ln(n,t){return x3(Q1.count(ce(n)-1,n),t,2);}
function Hn(n,t){return x3(n.getUTCFullYear()%100,t,2);}
function Yn(n,t){return x3((n=pn1(n)).getUTCFullYear()%100,t,2);}
function An1(n,t){return x3(n.getUTCFullYear()%1e4,t,4);}
function Zn(n,t){var e=n.getUTCDay();return x3((n=e>=4||0===e?X2(n):X2.ceil(n)).getUTCFullYear()%1e4,t,4);}
function Wn(){return"+0000";}
function bn1(){return"%";}
function Vn(n){return+n;}
function jn1(n){return Math.floor(+n/1e3);}
function qn(n){return y2=h4(n),v4=y2.format,d4=y2.parse,m4=y2.utcFormat,D2=y2.utcParse,y2;}
function B4(t){const r={};return e=>r[e]||(r[e]=t(e));}
function O3(i){const a=B4(i.format),c=i.formatPrefix;return{format:a,formatPrefix:c,formatFloat(t){const e=e5(t||",");if(null==e.precision){switch(e.precision=12,e.type){case"%":e.precision-=2;break;case"e":e.precision-=1;}return n=a(e),o=a(".1f")(1)[1],t=>{const r=n(t),e=r.indexOf(o);if(e<0)return r;let i=function(t,r){let e,n=t.lastIndexOf("e");if(n>0)return n;for(n=t.length;--n>r;)if(e=t.charCodeAt(n),e>=48&&e<=57)return n+1;}(r,e);const a=i<r.length?r.slice(i):"";for(;--i>e;)if("0"!==r[i]){++i;break;}return r.slice(0,i)+a;};}return a(e);var n,o;},formatSpan(i,s,f,u){u=e5(null==u?",f":u);const m=nt(i,s,f),p=Math.max(Math.abs(i),Math.abs(s));let l;if(null==u.precision)switch(u.type){case"s":return isNaN(l=v2(m,p))||(u.precision=l),c(u,p);case"":case"e":case"g":case"p":case"r":isNaN(l=M1(m,p))||(u.precision=l-("e"===u.type));break;case"f":case"%":isNaN(l=p3(m))||(u.precision=l-2*("%"===u.type));}return a(u);}};}
function A5(){return S4=O3({format:l3,formatPrefix:u5});}
function C4(t){return O3(d2(t));}
function Y4(t){return arguments.length?S4=C4(t):S4;}
function $4(t,r,e){v(e=e||{})||l(`Invalid time multi-format specifier: ${e}`);const n=r(E3),o=r(B2),i=r(I2),a=r(j1),c=r(S2),P=r(H2),b=r(x2),F=r(b2),v1=t(e[L2]||".%L"),I=t(e[E3]||":%S"),M=t(e[B2]||"%I:%M"),k=t(e[I2]||"%I %p"),w=t(e[j1]||e[k2]||"%a %d"),L=t(e[S2]||"%b %d"),B=t(e[H2]||"%B"),O=t(e[x2]||"%B"),S=t(e[b2]||"%Y");return t=>(n(t)<t?v1:o(t)<t?I:i(t)<t?M:a(t)<t?k:P(t)<t?c(t)<t?w:L:F(t)<t?b(t)<t?B:O:S)(t);}
function j3(t){const r=B4(t.format),e=B4(t.utcFormat);return{timeFormat:t=>On(t)?r(t):$4(r,Dt,t),utcFormat:t=>On(t)?e(t):$4(e,Tt,t),timeParse:B4(t.parse),utcParse:B4(t.utcParse)};}
function q4(){return z4=j3({format:v4,parse:d4,utcFormat:m4,utcParse:D2});}
function D3(t){return j3(h4(t));}
function E5(t){return arguments.length?z4=D3(t):z4;}
function H4(t,r){const e=t?C4(t):Y4(),n=r?D3(r):E5();return G5(e,n);}
function J5(t,r){const e=arguments.length;return e&&2!==e&&l("defaultLocale expects either zero or two arguments."),e?G5(Y4(t),E5(r)):G5(Y4(),E5());}
function K5(){return A5(),q4(),J5();}
function R5(){b4=!0;for(var t="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",r=0;r<64;++r)m5[r]=t[r],E6[t.charCodeAt(r)]=r;E6["-".charCodeAt(0)]=62,E6["_".charCodeAt(0)]=63;}
function _4(t,r,e){for(var n,i,o=[],s=r;s<e;s+=3)n=(t[s]<<16)+(t[s+1]<<8)+t[s+2],o.push(m5[(i=n)>>18&63]+m5[i>>12&63]+m5[i>>6&63]+m5[63&i]);return o.join("");}
function P4(t){var r;b4||R5();for(var e=t.length,n=e%3,i="",o=[],s=16383,u=0,f=e-n;u<f;u+=s)o.push(_4(t,u,u+s>f?f:u+s));return 1===n?(r=t[e-1],i+=m5[r>>2],i+=m5[r<<4&63],i+="=="):2===n&&(r=(t[e-2]<<8)+t[e-1],i+=m5[r>>10],i+=m5[r>>4&63],i+=m5[r<<2&63],i+="="),o.push(i),o.join("");}
function T3(t,r,e,n,i){var o,s,u=8*i-n-1,f=(1<<u)-1,a=f>>1,h=-7,c=e?i-1:0,l=e?-1:1,p=t[r+c];for(c+=l,o=p&(1<<-h)-1,p>>=-h,h+=u;h>0;o=256*o+t[r+c],c+=l,h-=8);for(s=o&(1<<-h)-1,o>>=-h,h+=n;h>0;s=256*s+t[r+c],c+=l,h-=8);if(0===o)o=1-a;else{if(o===f)return s?NaN:1/0*(p?-1:1);s+=Math.pow(2,n),o-=a;}return(p?-1:1)*s*Math.pow(2,o-n);}
function U3(t,r,e,n,i,o){var s,u,f,a=8*o-i-1,h=(1<<a)-1,c=h>>1,l=23===i?Math.pow(2,-24)-Math.pow(2,-77):0,p=n?0:o-1,g=n?1:-1,y=r<0||0===r&&1/r<0?1:0;for(r=Math.abs(r),isNaN(r)||r===1/0?(u=isNaN(r)?1:0,s=h):(s=Math.floor(Math.log(r)/Math.LN2),r*(f=Math.pow(2,-s))<1&&(s--,f*=2),(r+=s+c>=1?l/f:l*Math.pow(2,1-c))*f>=2&&(s++,f/=2),s+c>=h?(u=0,s=h):s+c>=1?(u=(r*f-1)*Math.pow(2,i),s+=c):(u=r*Math.pow(2,c-1)*Math.pow(2,i),s=0));i>=8;t[e+p]=255&u,p+=g,u/=256,i-=8);for(s=s<<i|u,a+=i;a>0;t[e+p]=255&s,p+=g,s/=256,a-=8);t[e+p-g]|=128*y;}
function I4(){return O4.TYPED_ARRAY_SUPPORT?2147483647:1073741823;}
function Y5(t,r){if(I4()<r)throw new RangeError("Invalid typed array length");return O4.TYPED_ARRAY_SUPPORT?(t=new Uint8Array(r)).__proto__=O4.prototype:(null===t&&(t=new O4(r)),t.length=r),t;}
function O4(t,r,e){if(!(O4.TYPED_ARRAY_SUPPORT||this instanceof O4))return new O4(t,r,e);if("number"==typeof t){if("string"==typeof r)throw new Error("If encoding is specified then the first argument must be a string");return x4(this,t);}return C5(this,t,r,e);}
function C5(t,r,e,n){if("number"==typeof r)throw new TypeError('"value" argument must not be a number');return"undefined"!=typeof ArrayBuffer&&r instanceof ArrayBuffer?function(t,r,e,n){if(r.byteLength,e<0||r.byteLength<e)throw new RangeError("'offset' is out of bounds");if(r.byteLength<e+(n||0))throw new RangeError("'length' is out of bounds");r=void 0===e&&void 0===n?new Uint8Array(r):void 0===n?new Uint8Array(r,e):new Uint8Array(r,e,n);O4.TYPED_ARRAY_SUPPORT?(t=r).__proto__=O4.prototype:t=M4(t,r);return t;}(t,r,e,n):"string"==typeof r?function(t,r,e){"string"==typeof e&&""!==e||(e="utf8");if(!O4.isEncoding(e))throw new TypeError('"encoding" must be a valid string encoding');var n=0|k4(r,e);t=Y5(t,n);var i=t.write(r,e);i!==n&&(t=t.slice(0,i));return t;}(t,r,e):function(t,r){if(N5(r)){var e=0|D4(r.length);return 0===(t=Y5(t,e)).length||r.copy(t,0,0,e),t;}if(r){if("undefined"!=typeof ArrayBuffer&&r.buffer instanceof ArrayBuffer||"length"in r)return"number"!=typeof r.length||(n=r.length)!=n?Y5(t,0):M4(t,r);if("Buffer"===r.type&&B5(r.data))return M4(t,r.data);}var n;throw new TypeError("First argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.");}(t,r);}
function L4(t){if("number"!=typeof t)throw new TypeError('"size" argument must be a number');if(t<0)throw new RangeError('"size" argument must not be negative');}
function x4(t,r){if(L4(r),t=Y5(t,r<0?0:0|D4(r)),!O4.TYPED_ARRAY_SUPPORT)for(var e=0;e<r;++e)t[e]=0;return t;}
function M4(t,r){var e=r.length<0?0:0|D4(r.length);t=Y5(t,e);for(var n=0;n<e;n+=1)t[n]=255&r[n];return t;}
function D4(t){if(t>=I4())throw new RangeError("Attempt to allocate Buffer larger than maximum size: 0x"+I4().toString(16)+" bytes");return 0|t;}
function N5(t){return!(null==t||!t._isBuffer);}
function k4(t,r){if(N5(t))return t.length;if("undefined"!=typeof ArrayBuffer&&"function"==typeof ArrayBuffer.isView&&(ArrayBuffer.isView(t)||t instanceof ArrayBuffer))return t.byteLength;"string"!=typeof t&&(t=""+t);var e=t.length;if(0===e)return 0;for(var n=!1;;)switch(r){case"ascii":case"latin1":case"binary":return e;case"utf8":case"utf-8":case void 0:return lt1(t).length;case"ucs2":case"ucs-2":case"utf16le":case"utf-16le":return 2*e;case"hex":return e>>>1;case"base64":return pt1(t).length;default:if(n)return lt1(t).length;r=(""+r).toLowerCase(),n=!0;}}
function j4(t,r,e){var n=!1;if((void 0===r||r<0)&&(r=0),r>this.length)return"";if((void 0===e||e>this.length)&&(e=this.length),e<=0)return"";if((e>>>=0)<=(r>>>=0))return"";for(t||(t="utf8");;)switch(t){case"hex":return rt1(this,r,e);case"utf8":case"utf-8":return K6(this,r,e);case"ascii":return X5(this,r,e);case"latin1":case"binary":return tt2(this,r,e);case"base64":return H5(this,r,e);case"ucs2":case"ucs-2":case"utf16le":case"utf-16le":return et1(this,r,e);default:if(n)throw new TypeError("Unknown encoding: "+t);t=(t+"").toLowerCase(),n=!0;}}
function z5(t,r,e){var n=t[r];t[r]=t[e],t[e]=n;}
function F4(t,r,e,n,i){if(0===t.length)return-1;if("string"==typeof e?(n=e,e=0):e>2147483647?e=2147483647:e<-2147483648&&(e=-2147483648),e=+e,isNaN(e)&&(e=i?0:t.length-1),e<0&&(e=t.length+e),e>=t.length){if(i)return-1;e=t.length-1;}else if(e<0){if(!i)return-1;e=0;}if("string"==typeof r&&(r=O4.from(r,n)),N5(r))return 0===r.length?-1:J6(t,r,e,n,i);if("number"==typeof r)return r&=255,O4.TYPED_ARRAY_SUPPORT&&"function"==typeof Uint8Array.prototype.indexOf?i?Uint8Array.prototype.indexOf.call(t,r,e):Uint8Array.prototype.lastIndexOf.call(t,r,e):J6(t,[r],e,n,i);throw new TypeError("val must be string, number or Buffer");}
function J6(t,r,e,n,i){var o,s=1,u=t.length,f=r.length;if(void 0!==n&&("ucs2"===(n=String(n).toLowerCase())||"ucs-2"===n||"utf16le"===n||"utf-16le"===n)){if(t.length<2||r.length<2)return-1;s=2,u/=2,f/=2,e/=2;}function a(t,r){return 1===s?t[r]:t.readUInt16BE(r*s);}if(i){var h=-1;for(o=e;o<u;o++)if(a(t,o)===a(r,-1===h?0:o-h)){if(-1===h&&(h=o),o-h+1===f)return h*s;}else-1!==h&&(o-=o-h),h=-1;}else for(e+f>u&&(e=u-f),o=e;o>=0;o--){for(var c=!0,l=0;l<f;l++)if(a(t,o+l)!==a(r,l)){c=!1;break;}if(c)return o;}return-1;}
function W5(t,r,e,n){e=Number(e)||0;var i=t.length-e;n?(n=Number(n))>i&&(n=i):n=i;var o=r.length;if(o%2!=0)throw new TypeError("Invalid hex string");n>o/2&&(n=o/2);for(var s=0;s<n;++s){var u=parseInt(r.substr(2*s,2),16);if(isNaN(u))return s;t[e+s]=u;}return s;}
function V4(t,r,e,n){return gt2(lt1(r,t.length-e),t,e,n);}
function Z5(t,r,e,n){return gt2(function(t){for(var r=[],e=0;e<t.length;++e)r.push(255&t.charCodeAt(e));return r;}(r),t,e,n);}
function q5(t,r,e,n){return Z5(t,r,e,n);}
function $5(t,r,e,n){return gt2(pt1(r),t,e,n);}
function G6(t,r,e,n){return gt2(function(t,r){for(var e,n,i,o=[],s=0;s<t.length&&!((r-=2)<0);++s)n=(e=t.charCodeAt(s))>>8,i=e%256,o.push(i),o.push(n);return o;}(r,t.length-e),t,e,n);}
function H5(t,r,e){return 0===r&&e===t.length?P4(t):P4(t.slice(r,e));}
function K6(t,r,e){e=Math.min(t.length,e);for(var n=[],i=r;i<e;){var o,s,u,f,a=t[i],h=null,c=a>239?4:a>223?3:a>191?2:1;if(i+c<=e)switch(c){case 1:a<128&&(h=a);break;case 2:128==(192&(o=t[i+1]))&&(f=(31&a)<<6|63&o)>127&&(h=f);break;case 3:o=t[i+1],s=t[i+2],128==(192&o)&&128==(192&s)&&(f=(15&a)<<12|(63&o)<<6|63&s)>2047&&(f<55296||f>57343)&&(h=f);break;case 4:o=t[i+1],s=t[i+2],u=t[i+3],128==(192&o)&&128==(192&s)&&128==(192&u)&&(f=(15&a)<<18|(63&o)<<12|(63&s)<<6|63&u)>65535&&f<1114112&&(h=f);}null===h?(h=65533,c=1):h>65535&&(h-=65536,n.push(h>>>10&1023|55296),h=56320|1023&h),n.push(h),i+=c;}return function(t){var r=t.length;if(r<=Q4)return String.fromCharCode.apply(String,t);var e="",n=0;for(;n<r;)e+=String.fromCharCode.apply(String,t.slice(n,n+=Q4));return e;}(n);}
function X5(t,r,e){var n="";e=Math.min(t.length,e);for(var i=r;i<e;++i)n+=String.fromCharCode(127&t[i]);return n;}
function tt2(t,r,e){var n="";e=Math.min(t.length,e);for(var i=r;i<e;++i)n+=String.fromCharCode(t[i]);return n;}
function rt1(t,r,e){var n=t.length;(!r||r<0)&&(r=0),(!e||e<0||e>n)&&(e=n);for(var i="",o=r;o<e;++o)i+=ct2(t[o]);return i;}
function et1(t,r,e){for(var n=t.slice(r,e),i="",o=0;o<n.length;o+=2)i+=String.fromCharCode(n[o]+256*n[o+1]);return i;}
function nt2(t,r,e){if(t%1!=0||t<0)throw new RangeError("offset is not uint");if(t+r>e)throw new RangeError("Trying to access beyond buffer length");}
function it1(t,r,e,n,i,o){if(!N5(t))throw new TypeError('"buffer" argument must be a Buffer instance');if(r>i||r<o)throw new RangeError('"value" argument is out of bounds');if(e+n>t.length)throw new RangeError("Index out of range");}
function ot1(t,r,e,n){r<0&&(r=65535+r+1);for(var i=0,o=Math.min(t.length-e,2);i<o;++i)t[e+i]=(r&255<<8*(n?i:1-i))>>>8*(n?i:1-i);}
function st1(t,r,e,n){r<0&&(r=4294967295+r+1);for(var i=0,o=Math.min(t.length-e,4);i<o;++i)t[e+i]=r>>>8*(n?i:3-i)&255;}
function ut2(t,r,e,n,i,o){if(e+n>t.length)throw new RangeError("Index out of range");if(e<0)throw new RangeError("Index out of range");}
function ft2(t,r,e,n,i){return i||ut2(t,0,e,4),U3(t,r,e,n,23,4),e+4;}
function at2(t,r,e,n,i){return i||ut2(t,0,e,8),U3(t,r,e,n,52,8),e+8;}
function ct2(t){return t<16?"0"+t.toString(16):t.toString(16);}
function lt1(t,r){var e;r=r||1/0;for(var n=t.length,i=null,o=[],s=0;s<n;++s){if((e=t.charCodeAt(s))>55295&&e<57344){if(!i){if(e>56319){(r-=3)>-1&&o.push(239,191,189);continue;}if(s+1===n){(r-=3)>-1&&o.push(239,191,189);continue;}i=e;continue;}if(e<56320){(r-=3)>-1&&o.push(239,191,189),i=e;continue;}e=65536+(i-55296<<10|e-56320);}else i&&(r-=3)>-1&&o.push(239,191,189);if(i=null,e<128){if((r-=1)<0)break;o.push(e);}else if(e<2048){if((r-=2)<0)break;o.push(e>>6|192,63&e|128);}else if(e<65536){if((r-=3)<0)break;o.push(e>>12|224,e>>6&63|128,63&e|128);}else{if(!(e<1114112))throw new Error("Invalid code point");if((r-=4)<0)break;o.push(e>>18|240,e>>12&63|128,e>>6&63|128,63&e|128);}}return o;}
function pt1(t){return function(t){var r,e,n,i,o,s;b4||R5();var u=t.length;if(u%4>0)throw new Error("Invalid string. Length must be a multiple of 4");o="="===t[u-2]?2:"="===t[u-1]?1:0,s=new A6(3*u/4-o),n=o>0?u-4:u;var f=0;for(r=0,e=0;r<n;r+=4,e+=3)i=E6[t.charCodeAt(r)]<<18|E6[t.charCodeAt(r+1)]<<12|E6[t.charCodeAt(r+2)]<<6|E6[t.charCodeAt(r+3)],s[f++]=i>>16&255,s[f++]=i>>8&255,s[f++]=255&i;return 2===o?(i=E6[t.charCodeAt(r)]<<2|E6[t.charCodeAt(r+1)]>>4,s[f++]=255&i):1===o&&(i=E6[t.charCodeAt(r)]<<10|E6[t.charCodeAt(r+1)]<<4|E6[t.charCodeAt(r+2)]>>2,s[f++]=i>>8&255,s[f++]=255&i),s;}(function(t){if((t=(function(t){return t.trim?t.trim():t.replace(/^\s+|\s+$/g,"");})(t).replace(ht2,"")).length<2)return"";for(;t.length%4!=0;)t+="=";return t;}(t));}
function gt2(t,r,e,n){for(var i=0;i<n&&!(i+e>=r.length||i>=t.length);++i)r[i+e]=t[i];return i;}
function yt2(t){return!!t.constructor&&"function"==typeof t.constructor.isBuffer&&t.constructor.isBuffer(t);}
async function Et(t,r){const e=await this.sanitize(t,r),n=e.href;return e.localFile?this.file(n):this.http(n,r?.http);}
async function At(t,r){r=un({},this.options,r);const e=this.fileAccess,n={href:null};let i,o,a;const h=wt1.test(t.replace(vt2,""));null!=t&&"string"==typeof t&&h||l("Sanitize failure, invalid URI: "+kn(t));const c=dt1.test(t);return(a=r.baseURL)&&!c&&(t.startsWith("/")||a.endsWith("/")||(t="/"+t),t=a+t),o=(i=t.startsWith(mt1))||"file"===r.mode||"http"!==r.mode&&!c&&e,i?t=t.slice(7):t.startsWith("//")&&("file"===r.defaultProtocol?(t=t.slice(2),o=!0):t=(r.defaultProtocol||"http")+":"+t),Object.defineProperty(n,"localFile",{value:!!o}),n.href=t,r.target&&(n.target=r.target+""),r.rel&&(n.rel=r.rel+""),"image"===r.context&&r.crossOrigin&&(n.crossOrigin=r.crossOrigin+""),n;}
async function bt1(){l("No file system access.");}
async function Rt(t,r){const e=un({},this.options.http,r),n=r&&r.response,i=await fetch(t,e);return i.ok?Q(i[n])?i[n]():i.text():l(i.status+""+i.statusText);}
function St1(t,r){if(!t||!t.length)return"unknown";const e=t.length,n=Tt1.length,i=Tt1.map((t,r)=>r+1);for(let s,u,f=0,a=0;f<e;++f)for(u=r?t[f][r]:t[f],s=0;s<n;++s)if(i[s]&&null!=(o=u)&&o==o&&!Tt1[s](u)&&(i[s]=0,++a,a===Tt1.length))return"string";var o;return Ut1[i.reduce((t,r)=>0===t?r:t,0)-1];}
function Bt1(t,r){return r.reduce((r,e)=>(r[e]=St1(t,e),r),{});}
function It1(t){const r=function(r,e){const n={delimiter:t};return Yt1(r,e?un(e,n):n);};return r.responseType="text",r;}
function Yt1(t,r){return r.header&&(t=r.header.map(kn).join(r.delimiter)+"\n"+t),u1(r.delimiter).parse(t+"");}
function Ot(t,r){const e=r&&r.property?i(r.property):s;return!v(t)||(n=t,Q(O4.isBuffer)&&O4.isBuffer(n))?e(JSON.parse(t)):function(t,r){!E(t)&&yn(t)&&(t=[...t]);return r&&r.copy?JSON.parse(JSON.stringify(t)):t;}(e(t),r);var n;}
function Lt(t,r){let e,n,i,o;return t=Ot(t,r),r&&r.feature?(e=e2,i=r.feature):r&&r.mesh?(e=i2,i=r.mesh,o=Ct1[r.filter]):l("Missing TopoJSON feature or mesh parameter."),n=(n=t.objects[i])?e(t,n,o):l("Invalid TopoJSON object: "+i),n&&n.features||[n];}
function Mt2(t,r){return arguments.length>1?(xt1[t]=r,this):cn(xt1,t)?xt1[t]:null;}
function Dt1(t){const r=Mt2(t);return r&&r.responseType||"text";}
function Nt1(t,r,e,n){const i=Mt2((r=r||{}).type||"json");return i||l("Unknown data format type: "+r.type),t=i(t,r),r.parse&&function(t,r,e,n){if(!t.length)return;const i=E5();e=e||i.timeParse,n=n||i.utcParse;let o,s,u,f,a,h,c=t.columns||Object.keys(t[0]);"auto"===r&&(r=Bt1(t,c));c=Object.keys(r);const l=c.map(t=>{const i=r[t];let o,s;if(i&&(i.startsWith("date:")||i.startsWith("utc:"))){o=i.split(/:(.+)?/,2),s=o[1],("'"===s[0]&&"'"===s[s.length-1]||'"'===s[0]&&'"'===s[s.length-1])&&(s=s.slice(1,-1));return("utc"===o[0]?n:e)(s);}if(!Pt[i])throw Error("Illegal format pattern: "+t+":"+i);return Pt[i];});for(u=0,a=t.length,h=c.length;u<a;++u)for(o=t[u],f=0;f<h;++f)s=c[f],o[s]=l[f](o[s]);}(t,r.parse,e,n),cn(t,"columns")&&delete t.columns,t;}
function k5(t){const e=t||s,n=[],s1={};return n.add=t=>{const r=e(t);return s1[r]||(s1[r]=1,n.push(t)),n;},n.remove=t=>{const r=e(t);if(s1[r]){s1[r]=0;const e=n.indexOf(t);e>=0&&n.splice(e,1);}return n;},n;}
async function w4(t,e){try{await e(t);}catch(e){t.error(e);}}
function D5(t){return!(!t||!E7(t));}
function E7(t){return t[y3];}
function A7(t,e){return t[y3]=e,t;}
function O5(t){const e=t===Object(t)?t:{data:t};return E7(e)?e:A7(e,F5++);}
function P5(t){return q6(t,O5({}));}
function q6(t,e){for(const n in t)e[n]=t[n];return e;}
function M5(t,e){return A7(e,E7(t));}
function b5(t,e){return t?e?(n,s)=>t(n,s)||E7(e(n))-E7(e(s)):(e,n)=>t(e,n)||E7(e)-E7(n):null;}
function S6(t){return t&&t.constructor===L5;}
function L5(){const t=[],e=[],n=[],s=[],l=[];let u=null,a=!1;return{constructor:L5,insert(e){const n=K(e),s=n.length;for(let e=0;e<s;++e)t.push(n[e]);return this;},remove(t){const n=Q(t)?s:e,o=K(t),l=o.length;for(let t=0;t<l;++t)n.push(o[t]);return this;},modify(t,e,s){const r={field:e,value:en(s)};return Q(t)?(r.filter=t,l.push(r)):(r.tuple=t,n.push(r)),this;},encode(t,e){return Q(t)?l.push({filter:t,field:e}):n.push({tuple:t,field:e}),this;},clean(t){return u=t,this;},reflow(){return a=!0,this;},pulse(r,i){const o={},h={};let c,d,f,p,g,m;for(c=0,d=i.length;c<d;++c)o[E7(i[c])]=1;for(c=0,d=e.length;c<d;++c)g=e[c],o[E7(g)]=-1;for(c=0,d=s.length;c<d;++c)p=s[c],i.forEach(t=>{p(t)&&(o[E7(t)]=-1);});for(c=0,d=t.length;c<d;++c)g=t[c],m=E7(g),o[m]?o[m]=1:r.add.push(O5(t[c]));for(c=0,d=i.length;c<d;++c)g=i[c],o[E7(g)]<0&&r.rem.push(g);function _(t,e,n){n?t[e]=n(t):r.encode=e,a||(h[E7(t)]=t);}for(c=0,d=n.length;c<d;++c)f=n[c],g=f.tuple,p=f.field,m=o[E7(g)],m>0&&(_(g,p,f.value),r.modifies(p));for(c=0,d=l.length;c<d;++c)f=l[c],p=f.filter,i.forEach(t=>{p(t)&&o[E7(t)]>0&&_(t,f.field,f.value);}),r.modifies(f.field);if(a)r.mod=e.length||s.length?i.filter(t=>o[E7(t)]>0):i.slice();else for(m in h)r.mod.push(h[m]);return(u||null==u&&(e.length||s.length))&&r.clean(!0),r;}};}
function x5(){Object.defineProperty(this,R6,{writable:!0,value:{}});}
function U4(t,e,n,s){this.id=++z6,this.value=t,this.stamp=-1,this.rank=-1,this.qrank=-1,this.flags=0,e&&(this._update=e),n&&this.parameters(n,s);}
function N6(t){return function(e){const n=this.flags;return 0===arguments.length?!!(n&t):(this.flags=e?n|t:n&~t,this);};}
function I5(t,e,n){this.id=++j5,this.value=null,n&&(this.receive=n),t&&(this._filter=t),e&&(this._apply=e);}
function $6(t,e,n){return new I5(t,e,n);}
function W6(t,e,n,s,r,l){const u=un({},l,T4);let a,h;Q(n)||(n=en(n)),void 0===s?a=e=>t.touch(n(e)):Q(s)?(h=new U4(null,s,r,!1),a=e=>{h.evaluate(e);const s=n(e),r=h.value;S6(r)?t.pulse(s,r,l):t.update(s,r,u);}):a=e=>t.update(n(e),s,u),e.apply(a);}
function B6(t,e,n,s,r,l){if(void 0===s)e.targets().add(n);else{const u=l||{},a=new U4(null,function(t,e){return e=Q(e)?e:en(e),t?function(n,s){const r=e(n,s);return t.skip()||(t.skip(r!==this.value).value=r),r;}:e;}(n,s),r,!1);a.modified(u.force),a.rank=e.rank,e.targets().add(a),n&&(a.skip(!0),a.value=n.value,a.targets().add(n),t.connect(n,[a]));}}
function H6(t,e,n){this.dataflow=t,this.stamp=null==e?-1:e,this.add=[],this.rem=[],this.mod=[],this.fields=null,this.encode=n||null;}
function J7(t,n){const s=[];return Pn(t,n,t=>s.push(t)),s;}
function K7(t,e){const n={};return t.visit(e,t=>{n[E7(t)]=1;}),t=>n[E7(t)]?null:t;}
function Q5(t,e){return t?(n,s)=>t(n,s)&&e(n,s):e;}
function V5(t,e,n,s){const r=this;let i=0;this.dataflow=t,this.stamp=e,this.fields=null,this.encode=s||null,this.pulses=n;for(const t of n)if(t.stamp===e){if(t.fields){const e=r.fields||(r.fields={});for(const n in t.fields)e[n]=1;}t.changed(r.ADD)&&(i|=r.ADD),t.changed(r.REM)&&(i|=r.REM),t.changed(r.MOD)&&(i|=r.MOD);}this.changes=i;}
function X6(t){return t.error("Dataflow already running. Use runAsync() to chain invocations."),t;}
function Z6(t){let e=[];return{clear:()=>e=[],size:()=>e.length,peek:()=>e[0],push:n=>(e.push(n),tt3(e,0,e.length-1,t)),pop:()=>{const n=e.pop();let s;return e.length?(s=e[0],e[0]=n,function(t,e,n){const s=e,r=t.length,i=t[e];let o,l=1+(e<<1);for(;l<r;)o=l+1,o<r&&n(t[l],t[o])>=0&&(l=o),t[e]=t[l],l=1+((e=l)<<1);t[e]=i,tt3(t,s,e,n);}(e,0,t)):s=n,s;}};}
function tt3(t,e,n,s){let r,i;const o=t[n];for(;n>e&&(i=n-1>>1,r=t[i],s(o,r)<0);)t[n]=r,n=i;return t[n]=o;}
function et2(){this.logger(w()),this.logLevel(1),this._clock=0,this._rank=0,this._locale=J5();try{this._loader=kt1();}catch(t){}this._touched=k5(f),this._input={},this._pulse=null,this._heap=Z6((t,e)=>t.qrank-e.qrank),this._postrun=[];}
function nt3(t){return function(){return this._log[t].apply(this,arguments);};}
function st2(t,e){U4.call(this,t,null,e);}
function it2(t){const e=ot2(t);return e&&e.Definition||null;}
function ot2(t){return t=t&&t.toLowerCase(),cn(rt2,t)?rt2[t]:null;}
function*l6(t,n){if(null==n)for(let n of t)null!=n&&""!==n&&(n=+n)>=n&&(yield n);else{let e=-1;for(let r of t)r=n(r,++e,t),null!=r&&""!==r&&(r=+r)>=r&&(yield r);}}
function u7(e,r,o){const u=Float64Array.from(l6(e,o));return u.sort(r4),r.map(t=>yt(u,t));}
function a6(t,n){return u7(t,[.25,.5,.75],n);}
function f4(t,n){const r=t.length,o=E1(t,n),l=a6(t,n),u=(l[2]-l[0])/1.34;return 1.06*(Math.min(o,u)||o||Math.abs(l[0])||1)*Math.pow(r,-.2);}
function s6(t){const n=t.maxbins||20,e=t.base||10,r=Math.log(e),o=t.divide||[5,2];let l,u,a,f,s,c,i=t.extent[0],h=t.extent[1];const d=t.span||h-i||Math.abs(i)||1;if(t.step)l=t.step;else if(t.steps){for(f=d/n,s=0,c=t.steps.length;s<c&&t.steps[s]<f;++s);l=t.steps[Math.max(0,s-1)];}else{for(u=Math.ceil(Math.log(n)/r),a=t.minstep||0,l=Math.max(a,Math.pow(e,Math.round(Math.log(d)/r)-u));Math.ceil(d/l)>n;)l*=e;for(s=0,c=o.length;s<c;++s)f=l/o[s],f>=a&&d/f<=n&&(l=f);}f=Math.log(l);const p=f>=0?0:1+~~(-f/r),M=Math.pow(e,-p-1);return(t.nice||void 0===t.nice)&&(f=Math.floor(i/l+M)*l,i=i<f?f-l:f,h=Math.ceil(h/l)*l),{start:i,stop:h===i?i+l:h,step:l};}
function i6(t){c5=t;}
function h5(n,e,o,u){if(!n.length)return[void 0,void 0];const a=Float64Array.from(l6(n,u)),f=a.length,s=e;let i,h,d,p;for(d=0,p=Array(s);d<s;++d){for(i=0,h=0;h<f;++h)i+=a[~~(c5()*f)];p[d]=i/f;}return p.sort(r4),[ht(p,o/2),ht(p,1-o/2)];}
function d5(t,n,e,r){r=r||(t=>t);const o=t.length,l=new Float64Array(o);let u,a=0,f=1,s=r(t[0]),c=s,i=s+n;for(;f<o;++f){if(u=r(t[f]),u>=i){for(c=(s+c)/2;a<f;++a)l[a]=c;i=u+n,s=u;}c=u;}for(c=(s+c)/2;a<f;++a)l[a]=c;return e?function(t,n){const e=t.length;let r,o,l=0,u=1;for(;t[l]===t[u];)++u;for(;u<e;){for(r=u+1;t[u]===t[r];)++r;if(t[u]-t[u-1]<n){for(o=u+(l+r-u-u>>1);o<u;)t[o++]=t[u];for(;o>u;)t[o--]=t[l];}l=u,u=r;}return t;}(l,n+n/4):l;}
function p6(t){return function(){return(t=(1103515245*t+12345)%2147483647)/2147483647;};}
function M6(t,n){let e,r,o;null==n&&(n=t,t=0);const l={min(t){return arguments.length?(e=t||0,o=r-e,l):e;},max(t){return arguments.length?(r=t||0,o=r-e,l):r;},sample:()=>e+Math.floor(o*c5()),pdf:t=>t===Math.floor(t)&&t>=e&&t<r?1/o:0,cdf(t){const n=Math.floor(t);return n<e?0:n>=r?1:(n-e+1)/o;},icdf:t=>t>=0&&t<=1?e-1+Math.floor(t*o):NaN};return l.min(t).max(n);}
function x6(t,n){t=t||0,n=null==n?1:n;let e,r,o=0,l=0;if(w5==w5)o=w5,w5=NaN;else{do{o=2*c5()-1,l=2*c5()-1,e=o*o+l*l;}while(0===e||e>1)r=Math.sqrt(-2*Math.log(e)/e),o*=r,w5=l*r;}return t+o*n;}
function b6(t,n,e){const r=(t-(n||0))/(e=null==e?1:e);return Math.exp(-.5*r*r)/(e*g5);}
function N7(t,n,e){const r=(t-(n=n||0))/(e=null==e?1:e),o=Math.abs(r);let l;if(o>37)l=0;else{const t=Math.exp(-o*o/2);let n;o<7.07106781186547?(n=.0352624965998911*o+.700383064443688,n=n*o+6.37396220353165,n=n*o+33.912866078383,n=n*o+112.079291497871,n=n*o+221.213596169931,n=n*o+220.206867912376,l=t*n,n=.0883883476483184*o+1.75566716318264,n=n*o+16.064177579207,n=n*o+86.7807322029461,n=n*o+296.564248779674,n=n*o+637.333633378831,n=n*o+793.826512519948,n=n*o+440.413735824752,l/=n):(n=o+.65,n=o+4/n,n=o+3/n,n=o+2/n,n=o+1/n,l=t/n/2.506628274631);}return r>0?1-l:l;}
function y4(t,n,e){return t<0||t>1?NaN:(n||0)+(null==e?1:e)*m6*function(t){let n,e=-Math.log((1-t)*(1+t));e<6.25?(e-=3.125,n=-364441206401782e-35,n=n*e-16850591381820166e-35,n=128584807152564e-32+n*e,n=11157877678025181e-33+n*e,n=n*e-1333171662854621e-31,n=20972767875968562e-33+n*e,n=6637638134358324e-30+n*e,n=n*e-4054566272975207e-29,n=n*e-8151934197605472e-29,n=26335093153082323e-28+n*e,n=n*e-12975133253453532e-27,n=n*e-5415412054294628e-26,n=10512122733215323e-25+n*e,n=n*e-4112633980346984e-24,n=n*e-29070369957882005e-24,n=42347877827932404e-23+n*e,n=n*e-13654692000834679e-22,n=n*e-13882523362786469e-21,n=18673420803405714e-20+n*e,n=n*e-740702534166267e-18,n=n*e-.006033670871430149,n=.24015818242558962+n*e,n=1.6536545626831027+n*e):e<16?(e=Math.sqrt(e)-3.25,n=22137376921775787e-25,n=9075656193888539e-23+n*e,n=n*e-27517406297064545e-23,n=18239629214389228e-24+n*e,n=15027403968909828e-22+n*e,n=n*e-4013867526981546e-21,n=29234449089955446e-22+n*e,n=12475304481671779e-21+n*e,n=n*e-47318229009055734e-21,n=6828485145957318e-20+n*e,n=24031110387097894e-21+n*e,n=n*e-3550375203628475e-19,n=9532893797373805e-19+n*e,n=n*e-.0016882755560235047,n=.002491442096107851+n*e,n=n*e-.003751208507569241,n=.005370914553590064+n*e,n=1.0052589676941592+n*e,n=3.0838856104922208+n*e):Number.isFinite(e)?(e=Math.sqrt(e)-5,n=-27109920616438573e-27,n=n*e-2555641816996525e-25,n=15076572693500548e-25+n*e,n=n*e-3789465440126737e-24,n=761570120807834e-23+n*e,n=n*e-1496002662714924e-23,n=2914795345090108e-23+n*e,n=n*e-6771199775845234e-23,n=22900482228026655e-23+n*e,n=n*e-99298272942317e-20,n=4526062597223154e-21+n*e,n=n*e-1968177810553167e-20,n=7599527703001776e-20+n*e,n=n*e-21503011930044477e-20,n=n*e-13871931833623122e-20,n=1.0103004648645344+n*e,n=4.849906401408584+n*e):n=1/0;return n*t;}(2*t-1);}
function q7(t,n){let e,r;const o={mean(t){return arguments.length?(e=t||0,o):e;},stdev(t){return arguments.length?(r=null==t?1:t,o):r;},sample:()=>x6(e,r),pdf:t=>b6(t,e,r),cdf:t=>N7(t,e,r),icdf:t=>y4(t,e,r)};return o.mean(t).stdev(n);}
function A8(t,n){const e=q7();let r=0;const o={data(e){return arguments.length?(t=e,r=e?e.length:0,o.bandwidth(n)):t;},bandwidth(e){return arguments.length?(!(n=e)&&t&&(n=f4(t)),o):n;},sample:()=>t[~~(c5()*r)]+n*e.sample(),pdf(o){let l=0,u=0;for(;u<r;++u)l+=e.pdf((o-t[u])/n);return l/n/r;},cdf(o){let l=0,u=0;for(;u<r;++u)l+=e.cdf((o-t[u])/n);return l/r;},icdf(){throw Error("KDE icdf not supported.");}};return o.data(t);}
function F6(t,n){return t=t||0,n=null==n?1:n,Math.exp(t+x6()*n);}
function v6(t,n,e){if(t<=0)return 0;n=n||0,e=null==e?1:e;const r=(Math.log(t)-n)/e;return Math.exp(-.5*r*r)/(e*g5*t);}
function S7(t,n,e){return N7(Math.log(t),n,e);}
function E8(t,n,e){return Math.exp(y4(t,n,e));}
function L6(t,n){let e,r;const o={mean(t){return arguments.length?(e=t||0,o):e;},stdev(t){return arguments.length?(r=null==t?1:t,o):r;},sample:()=>F6(e,r),pdf:t=>v6(t,e,r),cdf:t=>S7(t,e,r),icdf:t=>E8(t,e,r)};return o.mean(t).stdev(n);}
function P6(t,n){let e,r=0;const o={weights(t){return arguments.length?(e=function(t){const n=[];let e,o=0;for(e=0;e<r;++e)o+=n[e]=null==t[e]?1:+t[e];for(e=0;e<r;++e)n[e]/=o;return n;}(n=t||[]),o):n;},distributions(e){return arguments.length?(e?(r=e.length,t=e):(r=0,t=[]),o.weights(n)):t;},sample(){const n=c5();let o=t[r-1],l=e[0],u=0;for(;u<r-1;l+=e[++u])if(n<l){o=t[u];break;}return o.sample();},pdf(n){let o=0,l=0;for(;l<r;++l)o+=e[l]*t[l].pdf(n);return o;},cdf(n){let o=0,l=0;for(;l<r;++l)o+=e[l]*t[l].cdf(n);return o;},icdf(){throw Error("Mixture icdf not supported.");}};return o.distributions(t).weights(n);}
function k6(t,n){return null==n&&(n=null==t?1:t,t=0),t+(n-t)*c5();}
function D6(t,n,e){return null==e&&(e=null==n?1:n,n=0),t>=n&&t<=e?1/(e-n):0;}
function I6(t,n,e){return null==e&&(e=null==n?1:n,n=0),t<n?0:t>e?1:(t-n)/(e-n);}
function C7(t,n,e){return null==e&&(e=null==n?1:n,n=0),t>=0&&t<=1?n+t*(e-n):NaN;}
function K8(t,n){let e,r;const o={min(t){return arguments.length?(e=t||0,o):e;},max(t){return arguments.length?(r=null==t?1:t,o):r;},sample:()=>k6(e,r),pdf:t=>D6(t,e,r),cdf:t=>I6(t,e,r),icdf:t=>C7(t,e,r)};return null==n&&(n=null==t?1:t,t=0),o.min(t).max(n);}
function Q6(t,n,e){let r=0,o=0;for(const l of t){const t=e(l);null==n(l)||null==t||isNaN(t)||(r+=(t-r)/++o);}return{coef:[r],predict:()=>r,rSquared:0};}
function R7(t,n,e,r){const o=r-t*t,l=Math.abs(o)<1e-24?0:(e-t*n)/o;return[n-l*t,l];}
function G8(t,n,e,r){t=t.filter(t=>{let r=n(t),o=e(t);return null!=r&&(r=+r)>=r&&null!=o&&(o=+o)>=o;}),r&&t.sort((t,e)=>n(t)-n(e));const o=t.length,l=new Float64Array(o),u=new Float64Array(o);let a,f,s,c=0,i=0,h=0;for(s of t)l[c]=a=+n(s),u[c]=f=+e(s),++c,i+=(a-i)/c,h+=(f-h)/c;for(c=0;c<o;++c)l[c]-=i,u[c]-=h;return[l,u,i,h];}
function T5(t,n,e,r){let o,l,u=-1;for(const a of t)o=n(a),l=e(a),null!=o&&(o=+o)>=o&&null!=l&&(l=+l)>=l&&r(o,l,++u);}
function U5(t,n,e,r,o){let l=0,u=0;return T5(t,n,e,(t,n)=>{const e=n-o(t),a=n-r;l+=e*e,u+=a*a;}),1-l/u;}
function j6(t,n,e){let r=0,o=0,l=0,u=0,a=0;T5(t,n,e,(t,n)=>{++a,r+=(t-r)/a,o+=(n-o)/a,l+=(t*n-l)/a,u+=(t*t-u)/a;});const f=R7(r,o,l,u),s=t=>f[0]+f[1]*t;return{coef:f,predict:s,rSquared:U5(t,n,e,o,s)};}
function z7(t,n,e){let r=0,o=0,l=0,u=0,a=0;T5(t,n,e,(t,n)=>{++a,t=Math.log(t),r+=(t-r)/a,o+=(n-o)/a,l+=(t*n-l)/a,u+=(t*t-u)/a;});const f=R7(r,o,l,u),s=t=>f[0]+f[1]*Math.log(t);return{coef:f,predict:s,rSquared:U5(t,n,e,o,s)};}
function B7(t,n,e){const[r,o,l,u]=G8(t,n,e);let a,f,s,c=0,i=0,h=0,d=0,p=0;T5(t,n,e,(t,n)=>{a=r[p++],f=Math.log(n),s=a*n,c+=(n*f-c)/p,i+=(s-i)/p,h+=(s*f-h)/p,d+=(a*s-d)/p;});const[M,g]=R7(i/u,c/u,h/u,d/u),m=t=>Math.exp(M+g*(t-l));return{coef:[Math.exp(M-g*l),g],predict:m,rSquared:U5(t,n,e,u,m)};}
function H7(t,n,e){let r=0,o=0,l=0,u=0,a=0,f=0;T5(t,n,e,(t,n)=>{const e=Math.log(t),s=Math.log(n);++f,r+=(e-r)/f,o+=(s-o)/f,l+=(e*s-l)/f,u+=(e*e-u)/f,a+=(n-a)/f;});const s=R7(r,o,l,u),c=t=>s[0]*Math.pow(t,s[1]);return s[0]=Math.exp(s[0]),{coef:s,predict:c,rSquared:U5(t,n,e,a,c)};}
function J8(t,n,e){const[r,o,l,u]=G8(t,n,e),a=r.length;let f,s,c,i,h=0,d=0,p=0,M=0,g=0;for(f=0;f<a;)s=r[f],c=o[f++],i=s*s,h+=(i-h)/f,d+=(i*s-d)/f,p+=(i*i-p)/f,M+=(s*c-M)/f,g+=(i*c-g)/f;const m=p-h*h,w=h*m-d*d,x=(g*h-M*d)/w,b=(M*m-g*d)/w,N=-x*h,y=t=>x*(t-=l)*t+b*t+N+u;return{coef:[N-b*l+x*l*l+u,b-2*x*l,x],predict:y,rSquared:U5(t,n,e,u,y)};}
function O6(t,n,e,r){if(0===r)return Q6(t,n,e);if(1===r)return j6(t,n,e);if(2===r)return J8(t,n,e);const[o,l,u,a]=G8(t,n,e),f=o.length,s=[],c=[],i=r+1;let h,d,p,M,g;for(h=0;h<i;++h){for(p=0,M=0;p<f;++p)M+=Math.pow(o[p],h)*l[p];for(s.push(M),g=new Float64Array(i),d=0;d<i;++d){for(p=0,M=0;p<f;++p)M+=Math.pow(o[p],h+d);g[d]=M;}c.push(g);}c.push(s);const m=function(t){const n=t.length-1,e=[];let r,o,l,u,a;for(r=0;r<n;++r){for(u=r,o=r+1;o<n;++o)Math.abs(t[r][o])>Math.abs(t[r][u])&&(u=o);for(l=r;l<n+1;++l)a=t[l][r],t[l][r]=t[l][u],t[l][u]=a;for(o=r+1;o<n;++o)for(l=n;l>=r;l--)t[l][o]-=t[l][r]*t[r][o]/t[r][r];}for(o=n-1;o>=0;--o){for(a=0,l=o+1;l<n;++l)a+=t[l][o]*e[l];e[o]=(t[n][o]-a)/t[o][o];}return e;}(c),w=t=>{t-=u;let n=a+m[0]+m[1]*t+m[2]*t*t;for(h=3;h<i;++h)n+=m[h]*Math.pow(t,h);return n;};return{coef:V6(i,m,-u,a),predict:w,rSquared:U5(t,n,e,a,w)};}
function V6(t,n,e,r){const o=Array(t);let l,u,a,f;for(l=0;l<t;++l)o[l]=0;for(l=t-1;l>=0;--l)for(a=n[l],f=1,o[l]+=a,u=1;u<=l;++u)f*=(l+1-u)/u,o[l-u]+=a*Math.pow(e,u)*f;return o[0]+=r,o;}
function W7(t,n,e,r){const[l,u,a,f]=G8(t,n,e,!0),s=l.length,c=Math.max(2,~~(r*s)),i=new Float64Array(s),h=new Float64Array(s),d=new Float64Array(s).fill(1);for(let t=-1;++t<=2;){const n=[0,c-1];for(let t=0;t<s;++t){const e=l[t],r=n[0],o=n[1],a=e-l[r]>l[o]-e?r:o;let f=0,s=0,c=0,p=0,M=0;const g=1/Math.abs(l[a]-e||1);for(let t=r;t<=o;++t){const n=l[t],r=u[t],o=X7(Math.abs(e-n)*g)*d[t],a=n*o;f+=o,s+=a,c+=r*o,p+=r*a,M+=n*a;}const[m,w]=R7(s/f,c/f,p/f,M/f);i[t]=m+w*e,h[t]=Math.abs(u[t]-i[t]),Y7(l,t+1,n);}if(2===t)break;const e=vt(h);if(Math.abs(e)<1e-12)break;for(let t,n,r=0;r<s;++r)t=h[r]/(6*e),d[r]=t>=1?1e-12:(n=1-t*t)*n;}return function(t,n,e,r){const o=t.length,l=[];let u,a=0,f=0,s=[];for(;a<o;++a)u=t[a]+e,s[0]===u?s[1]+=(n[a]-s[1])/++f:(f=0,s[1]+=r,s=[u,n[a]],l.push(s));return s[1]+=r,l;}(l,i,a,f);}
function X7(t){return(t=1-t*t*t)*t*t;}
function Y7(t,n,e){const r=t[n];let o=e[0],l=e[1]+1;if(!(l>=t.length))for(;n>o&&t[l]-r<=r-t[o];)e[0]=++o,e[1]=l,++l;}
function $7(t,n,e,r){e=e||25,r=Math.max(e,r||200);const o=n=>[n,t(n)],l=n[0],u=n[1],a=u-l,f=a/r,s=[o(l)],c=[];if(e===r){for(let t=1;t<r;++t)s.push(o(l+t/e*a));return s.push(o(u)),s;}c.push(o(u));for(let t=e;--t>0;)c.push(o(l+t/e*a));let i=s[0],h=c[c.length-1];const d=1/a,p=function(t,n){let e=t,r=t;const o=n.length;for(let t=0;t<o;++t){const o=n[t][1];o<e&&(e=o),o>r&&(r=o);}return 1/(r-e);}(i[1],c);for(;h;){const t=o((i[0]+h[0])/2);t[0]-i[0]>=f&&_5(i,t,h,d,p)>Z7?c.push(t):(i=h,s.push(h),c.pop()),h=c[c.length-1];}return s;}
function _5(t,n,e,r,o){const l=Math.atan2(o*(e[1]-t[1]),r*(e[0]-t[0])),u=Math.atan2(o*(n[1]-t[1]),r*(n[0]-t[0]));return Math.abs(l-u);}
function ie1(e){return e&&e.length?1===e.length?e[0]:(t=e,e=>{const n=t.length;let i=1,a=String(t[0](e));for(;i<n;++i)a+="|"+t[i](e);return a;}):function(){return"";};var t;}
function ae1(e,t,n){return n||e+(t?"_"+t:"");}
function oe1(e,t,n){return le1[e](n,t);}
function de(e,t){return e.idx-t.idx;}
function me1(){this.valid=0,this.missing=0,this._ops.forEach(e=>null==e.aggregate_param?e.init(this):e.init(this,e.aggregate_param));}
function fe(e,t){null!=e&&""!==e?e==e&&(++this.valid,this._ops.forEach(n=>n.add(this,e,t))):++this.missing;}
function ce1(e,t){null!=e&&""!==e?e==e&&(--this.valid,this._ops.forEach(n=>n.rem(this,e,t))):--this.missing;}
function he1(e){return this._out.forEach(t=>e[t.out]=t.value(this)),e;}
function pe(e,t){const n=t||s,i=function(e){const t={};e.forEach(e=>t[e.name]=e);const n=e=>{e.req&&e.req.forEach(e=>{t[e]||n(t[e]=le1[e]());});};return e.forEach(n),Object.values(t).sort(de);}(e),a=e.slice().sort(de);function s1(e){this._ops=i,this._out=a,this.cell=e,this.init();}return s1.prototype.init=me1,s1.prototype.add=fe,s1.prototype.rem=ce1,s1.prototype.set=he1,s1.prototype.get=n,s1.fields=e.map(e=>e.out),s1;}
function ve(e){this._key=e?i(e):E7,this.reset();}
function ye(e){st2.call(this,null,e),this._adds=[],this._mods=[],this._alen=0,this._mlen=0,this._drop=!0,this._cross=!1,this._dims=[],this._dnames=[],this._measures=[],this._countOnly=!1,this._counts=null,this._prev=null,this._inputs=null,this._outputs=null;}
function _e(e){st2.call(this,null,e);}
function xe(e,t,n){const i=e;let a=t||[],s=n||[],r={},l=0;return{add:e=>s.push(e),remove:e=>r[i(e)]=++l,size:()=>a.length,data:(e,t)=>(l&&(a=a.filter(e=>!r[i(e)]),r={},l=0),t&&e&&a.sort(e),s.length&&(a=e?En(e,a,s.sort(e)):a.concat(s),s=[]),a)};}
function be(e){st2.call(this,[],e);}
function De(e){U4.call(this,null,Oe,e);}
function Oe(e){return this.value&&!e.modified()?this.value:X(e.fields,e.orders);}
function Ee(e){st2.call(this,null,e);}
function ke(e){st2.call(this,null,e);}
function Re(e,t){const n=e[we];cn(qe,n)||l("Unknown distribution function: "+n);const a=qe[n]();for(const n in e)"field"===n?a.data((e.from||t()).map(e[n])):"distributions"===n?a[n](e[n].map(e=>Re(e,t))):typeof a[n]===we&&a[n](e[n]);return a;}
function Se(e){st2.call(this,null,e);}
function Ce1(e,t1){return e?e.map((e,i)=>t1[i]||t(e)):null;}
function Ue1(e,t,n){const i=[],a=e=>e(u);let s,r,l,u,o,d;if(null==t)i.push(e.map(n));else for(s={},r=0,l=e.length;r<l;++r)u=e[r],o=t.map(a),d=s[o],d||(s[o]=d=[],d.dims=o,i.push(d)),d.push(n(u));return i;}
function Ae(e){st2.call(this,null,e);}
function ze(e){U4.call(this,null,Le,e),this.modified(!0);}
function Le(e1){const t1=e1.expr;return this.value&&!e1.modified("expr")?this.value:n(n=>t1(n,e1),e(t1),t(t1));}
function Fe(e){st2.call(this,[void 0,void 0],e);}
function Ie(e,t){U4.call(this,e),this.parent=t,this.count=0;}
function je(e){st2.call(this,{},e),this._keys=sn();const t=this._targets=[];t.active=0,t.forEach=e=>{for(let n=0,i=t.active;n<i;++n)e(t[n],n,t);};}
function Pe(e){U4.call(this,null,Te1,e);}
function Te1(e){return this.value&&!e.modified()?this.value:E(e.name)?K(e.name).map(e=>i(e)):i(e.name,e.as);}
function $e(e){st2.call(this,sn(),e);}
function We(e){st2.call(this,[],e);}
function Be(e){st2.call(this,[],e);}
function Je(e){st2.call(this,null,e);}
function Ke(e){st2.call(this,[],e);}
function He(e){st2.call(this,[],e);}
function Ve(e){ye.call(this,e);}
function Xe(e){st2.call(this,null,e);}
function Ye(e){U4.call(this,null,Ze,e);}
function Ze(e){return this.value&&!e.modified()?this.value:dn(e.fields,e.flat);}
function et3(e){st2.call(this,[],e),this._pending=null;}
function tt4(e,t,n){n.forEach(O5);const i=t.fork(t.NO_FIELDS&t.NO_SOURCE);return i.rem=e.value,e.value=i.source=i.add=n,e._pending=null,i.rem.length&&i.clean(!0),i;}
function nt4(e){st2.call(this,{},e);}
function it3(e){U4.call(this,null,at3,e);}
function at3(e){if(this.value&&!e.modified())return this.value;const t=e.extents,n=t.length;let i,a,s=1/0,r=-1/0;for(i=0;i<n;++i)a=t[i],a[0]<s&&(s=a[0]),a[1]>r&&(r=a[1]);return[s,r];}
function st3(e){U4.call(this,null,rt3,e);}
function rt3(e){return this.value&&!e.modified()?this.value:e.values.reduce((e,t)=>e.concat(t),[]);}
function lt2(e){st2.call(this,null,e);}
function ut3(e){ye.call(this,e);}
function ot3(e){je.call(this,e);}
function dt2(e){st2.call(this,null,e);}
function mt2(e){st2.call(this,null,e);}
function ft3(e){st2.call(this,null,e);}
function ct3(e){st2.call(this,null,e);}
function ht3(e){st2.call(this,[],e),this.count=0;}
function pt2(e){st2.call(this,null,e);}
function vt3(e){st2.call(this,null,e),this.modified(!0);}
function gt3(e){st2.call(this,null,e);}
function _t1(e){st2.call(this,sn(),e);}
function xt2(e){st2.call(this,null,e);}
function Ot1(e1){const s=K(e1.ops),r=K(e1.fields),l1=K(e1.params),u=K(e1.aggregate_params),d=K(e1.as),m=this.outputs=[],f=this.windows=[],c={},h={},p=[],v=[];let g=!0;function y(e1){K(e(e1)).forEach(e=>c[e]=1);}y(e1.sort),s.forEach((e,t1)=>{const a1=r[t1],s=l1[t1],c=u[t1]||null,_=t(a1),x=ae1(e,_,d[t1]);if(y(a1),m.push(x),cn(bt2,e))f.push(function(e,t,n,i){const a1=bt2[e](t,n);return{init:a1.init||a,update:function(e,t){t[i]=a1.next(e);}};}(e,a1,s,x));else{if(null==a1&&"count"!==e&&l("Null aggregate field specified."),"count"===e)return void p.push(x);g=!1;let t=h[_];t||(t=h[_]=[],t.field=a1,v.push(t)),t.push(oe1(e,c,x));}}),(p.length||v.length)&&(this.cell=function(e,t,n){e=e.map(e=>pe(e,e.field));const i={num:0,agg:null,store:!1,count:t};if(!n)for(var a=e.length,s=i.agg=Array(a),r=0;r<a;++r)s[r]=new e[r](i);if(i.store)var l=i.data=new ve;return i.add=function(e){if(i.num+=1,!n){l&&l.add(e);for(let t=0;t<a;++t)s[t].add(s[t].get(e),e);}},i.rem=function(e){if(i.num-=1,!n){l&&l.rem(e);for(let t=0;t<a;++t)s[t].rem(s[t].get(e),e);}},i.set=function(e){let a,r;for(l&&l.values(),a=0,r=t.length;a<r;++a)e[t[a]]=i.num;if(!n)for(a=0,r=s.length;a<r;++a)s[a].set(e);},i.init=function(){i.num=0,l&&l.reset();for(let e=0;e<a;++e)s[e].init();},i;}(v,p,g)),this.inputs=Object.keys(c);}
function kt2(e){st2.call(this,{},e),this._mlen=0,this._mods=[];}
function qt2(e,t,n,i){const a=i.sort,s=a&&!i.ignorePeers,r=i.frame||[null,0],l=e.data(n),u=l.length,o=s?e4(a):null,d={i0:0,i1:0,p0:0,p1:0,index:0,data:l,compare:a||en(-1)};t.init();for(let e=0;e<u;++e)wt2(d,r,e,u),s&&Rt1(d,o),t.update(d,l[e]);}
function wt2(e,t,n,i){e.p0=e.i0,e.p1=e.i1,e.i0=null==t[0]?0:Math.max(0,n-Math.abs(t[0])),e.i1=null==t[1]?i:Math.min(i,n+Math.abs(t[1])+1),e.index=n;}
function Rt1(e,t){const n=e.i0,i=e.i1-1,a=e.compare,s=e.data,r=s.length-1;n>0&&!a(s[n],s[n-1])&&(e.i0=t.left(s,s[n])),i<r&&!a(s[i],s[i+1])&&(e.i1=t.right(s,s[i]));}
function _6(t){this._+=t[0];for(let i=1,h=t.length;i<h;++i)this._+=arguments[i]+t[i];}
function n5(){return new e6;}
function n6(t){return function(){return t;};}
function f5(t){return t>=1?c6:t<=-1?-c6:Math.asin(t);}
function y5(n){let i=3;return n.digits=function(t){if(!arguments.length)return i;if(null==t)i=null;else{const n=Math.floor(t);if(!(n>=0))throw new RangeError(`invalid digits: ${t}`);i=n;}return n;},()=>new e6(i);}
function x7(t){return t.innerRadius;}
function p7(t){return t.outerRadius;}
function v7(t){return t.startAngle;}
function d6(t){return t.endAngle;}
function T6(t){return t&&t.padAngle;}
function g6(t,n,i,e,s,h,_){var a=t-i,l=n-e,c=(_?h:-h)/r7(a*a+l*l),u=c*l,f=-c*a,y=t+u,x=n+f,p=i+u,v=e+f,d=(y+p)/2,T=(x+v)/2,g=p-y,m=v-x,b=g*g+m*m,w=s-h,k=y*v-p*x,N=(m<0?-1:1)*r7(o6(0,w*w*b-k*k)),S=(k*m-g*N)/b,E=(-k*g-m*N)/b,A=(k*m+g*N)/b,M=(-k*g+m*N)/b,P=S-d,C=E-T,O=A-d,R=M-T;return P*P+C*C>O*O+R*R&&(S=A,E=M),{cx:S,cy:E,x01:-u,y01:-f,x11:S*(s/w-1),y11:E*(s/w-1)};}
function m7(){var t=x7,o=p7,m=n6(0),b=null,w=v7,k=d6,N=T6,S=null,E=y5(A);function A(){var n,y,x=+t.apply(this,arguments),p=+o.apply(this,arguments),v=w.apply(this,arguments)-c6,d=k.apply(this,arguments)-c6,T=i8(d-v),A=d>v;if(S||(S=n=E()),p<x&&(y=p,p=x,x=y),p>1e-12)if(T>u8-1e-12)S.moveTo(p*s8(v),p*_7(v)),S.arc(0,0,p,v,d,!A),x>1e-12&&(S.moveTo(x*s8(d),x*_7(d)),S.arc(0,0,x,d,v,A));else{var M,P,C=v,O=d,R=v,z=d,X=T,Y=T,B=N.apply(this,arguments)/2,q=B>1e-12&&(b?+b.apply(this,arguments):r7(x*x+p*p)),D=h7(i8(p-x)/2,+m.apply(this,arguments)),I=D,j=D;if(q>1e-12){var L=f5(q/x*_7(B)),W=f5(q/p*_7(B));(X-=2*L)>1e-12?(R+=L*=A?1:-1,z-=L):(X=0,R=z=(v+d)/2),(Y-=2*W)>1e-12?(C+=W*=A?1:-1,O-=W):(Y=0,C=O=(v+d)/2);}var V=p*s8(C),$=p*_7(C),F=x*s8(z),G=x*_7(z);if(D>1e-12){var H,J=p*s8(O),K=p*_7(O),Q=x*s8(R),U=x*_7(R);if(T<l7)if(H=function(t,n,i,e,s,o,h,_){var r=i-t,l=e-n,c=h-s,u=_-o,f=u*r-c*l;if(!(f*f<a7))return[t+(f=(c*(n-o)-u*(t-s))/f)*r,n+f*l];}(V,$,Q,U,J,K,F,G)){var Z=V-H[0],tt=$-H[1],nt=J-H[0],it=K-H[1],et=1/_7(function(t){return t>1?0:t<-1?l7:Math.acos(t);}((Z*nt+tt*it)/(r7(Z*Z+tt*tt)*r7(nt*nt+it*it)))/2),st=r7(H[0]*H[0]+H[1]*H[1]);I=h7(D,(x-st)/(et-1)),j=h7(D,(p-st)/(et+1));}else I=j=0;}Y>1e-12?j>1e-12?(M=g6(Q,U,V,$,p,j,A),P=g6(J,K,F,G,p,j,A),S.moveTo(M.cx+M.x01,M.cy+M.y01),j<D?S.arc(M.cx,M.cy,j,e7(M.y01,M.x01),e7(P.y01,P.x01),!A):(S.arc(M.cx,M.cy,j,e7(M.y01,M.x01),e7(M.y11,M.x11),!A),S.arc(0,0,p,e7(M.cy+M.y11,M.cx+M.x11),e7(P.cy+P.y11,P.cx+P.x11),!A),S.arc(P.cx,P.cy,j,e7(P.y11,P.x11),e7(P.y01,P.x01),!A))):(S.moveTo(V,$),S.arc(0,0,p,C,O,!A)):S.moveTo(V,$),x>1e-12&&X>1e-12?I>1e-12?(M=g6(F,G,J,K,x,-I,A),P=g6(V,$,Q,U,x,-I,A),S.lineTo(M.cx+M.x01,M.cy+M.y01),I<D?S.arc(M.cx,M.cy,I,e7(M.y01,M.x01),e7(P.y01,P.x01),!A):(S.arc(M.cx,M.cy,I,e7(M.y01,M.x01),e7(M.y11,M.x11),!A),S.arc(0,0,x,e7(M.cy+M.y11,M.cx+M.x11),e7(P.cy+P.y11,P.cx+P.x11),A),S.arc(P.cx,P.cy,I,e7(P.y11,P.x11),e7(P.y01,P.x01),!A))):S.arc(0,0,x,z,R,A):S.lineTo(F,G);}else S.moveTo(0,0);if(S.closePath(),n)return S=null,n+""||null;}return A.centroid=function(){var n=(+t.apply(this,arguments)+ +o.apply(this,arguments))/2,i=(+w.apply(this,arguments)+ +k.apply(this,arguments))/2-l7/2;return[s8(i)*n,_7(i)*n];},A.innerRadius=function(i){return arguments.length?(t="function"==typeof i?i:n6(+i),A):t;},A.outerRadius=function(t){return arguments.length?(o="function"==typeof t?t:n6(+t),A):o;},A.cornerRadius=function(t){return arguments.length?(m="function"==typeof t?t:n6(+t),A):m;},A.padRadius=function(t){return arguments.length?(b=null==t?null:"function"==typeof t?t:n6(+t),A):b;},A.startAngle=function(t){return arguments.length?(w="function"==typeof t?t:n6(+t),A):w;},A.endAngle=function(t){return arguments.length?(k="function"==typeof t?t:n6(+t),A):k;},A.padAngle=function(t){return arguments.length?(N="function"==typeof t?t:n6(+t),A):N;},A.context=function(t){return arguments.length?(S=null==t?null:t,A):S;},A;}
function w6(t){return"object"==typeof t&&"length"in t?t:Array.from(t);}
function k7(t){this._context=t;}
function N8(t){return new k7(t);}
function S8(t){return t[0];}
function E9(t){return t[1];}
function A9(t,i){var e=n6(!0),s=null,o=N8,h=null,_=y5(r);function r(n){var r,a,l,c=(n=w6(n)).length,u=!1;for(null==s&&(h=o(l=_())),r=0;r<=c;++r)!(r<c&&e(a=n[r],r,n))===u&&((u=!u)?h.lineStart():h.lineEnd()),u&&h.point(+t(a,r,n),+i(a,r,n));if(l)return h=null,l+""||null;}return t="function"==typeof t?t:void 0===t?S8:n6(t),i="function"==typeof i?i:void 0===i?E9:n6(i),r.x=function(i){return arguments.length?(t="function"==typeof i?i:n6(+i),r):t;},r.y=function(t){return arguments.length?(i="function"==typeof t?t:n6(+t),r):i;},r.defined=function(t){return arguments.length?(e="function"==typeof t?t:n6(!!t),r):e;},r.curve=function(t){return arguments.length?(o=t,null!=s&&(h=o(s)),r):o;},r.context=function(t){return arguments.length?(null==t?s=h=null:h=o(s=t),r):s;},r;}
self.vegaBundleParts=["vega-bundle-2.js","vega-bundle-3.js","vega-bundle-4.js","vega-bundle-5.js","vega-bundle-6.js","vega-bundle-7.js","vega-bundle-8.js","vega-bundle-9.js","vega-bundle-10.js","vega-bundle-11.js","vega-bundle-12.js","vega-bundle-13.js","vega-bundle-14.js","vega-bundle-15.js","vega-bundle-16.js","vega-bundle-17.js"];
